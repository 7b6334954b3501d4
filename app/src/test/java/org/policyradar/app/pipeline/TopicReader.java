package org.policyradar.app.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/** Reads a whole topic as a downstream consumer would: all partitions from the start, committed records only. */
final class TopicReader {

    private TopicReader() {
    }

    /** Every record up to the end offsets seen at start. */
    static <K, V> List<ConsumerRecord<K, V>> readAll(String bootstrapServers, String topic,
                                                    Deserializer<K> keys, Deserializer<V> values) {
        return read(bootstrapServers, topic, keys, values, 0);
    }

    /** Waits (up to a minute) until at least {@code count} records are there, then returns all that are. */
    static <K, V> List<ConsumerRecord<K, V>> readAtLeast(String bootstrapServers, String topic, int count,
                                                        Deserializer<K> keys, Deserializer<V> values) {
        return read(bootstrapServers, topic, keys, values, count);
    }

    /** The latest value of every key, as a compacted topic keeps it (a tombstone removes the key). */
    static <K, V> Map<K, V> latestByKey(String bootstrapServers, String topic,
                                        Deserializer<K> keys, Deserializer<V> values) {
        Map<K, V> latest = new LinkedHashMap<>();
        for (ConsumerRecord<K, V> record : readAll(bootstrapServers, topic, keys, values)) {
            if (record.value() == null) {
                latest.remove(record.key());
            } else {
                latest.put(record.key(), record.value());
            }
        }
        return latest;
    }

    private static <K, V> List<ConsumerRecord<K, V>> read(String bootstrapServers, String topic,
                                                         Deserializer<K> keys, Deserializer<V> values, int atLeast) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(config, keys, values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (System.nanoTime() < deadline) {
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                boolean atEnd = partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
                if (atEnd && records.size() >= atLeast) {
                    break;
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
