package org.policyradar.streams.topology;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.policyradar.avro.ConflictParty;

/**
 * Places conflict candidates: a nationwide federal position goes to every partition (KIP-837 multicast), so it
 * meets resisting positions wherever they live; every other candidate goes to the partition of its shard key,
 * hashed as Kafka's default partitioner does.
 */
final class ShardPartitioner implements StreamPartitioner<String, ConflictParty> {

    @Override
    public Optional<Set<Integer>> partitions(String topic, String shard, ConflictParty party, int numPartitions) {
        if (ConflictCandidates.NATIONWIDE.equals(shard)) {
            return Optional.of(IntStream.range(0, numPartitions).boxed().collect(Collectors.toUnmodifiableSet()));
        }
        return Optional.of(Set.of(partitionOf(shard, numPartitions)));
    }

    static int partitionOf(String shard, int numPartitions) {
        return Utils.toPositive(Utils.murmur2(shard.getBytes(StandardCharsets.UTF_8))) % numPartitions;
    }
}
