package org.policyradar.clients;

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

/**
 * Reads a whole topic as a downstream consumer would: all partitions from the start, committed records only,
 * outside any consumer group (so it commits nothing and joins nothing).
 */
public final class TopicReader {

    private TopicReader() {
    }

    /** Every record up to the end offsets, read with {@code clientConfig} (bootstrap, SASL, TLS...). */
    public static <K, V> List<ConsumerRecord<K, V>> readAll(Map<String, ?> clientConfig, String topic,
                                                           Deserializer<K> keys, Deserializer<V> values) {
        return readAtLeast(clientConfig, topic, 0, keys, values, Duration.ofMinutes(1));
    }

    /**
     * Waits until at least {@code count} records are there and every partition is read to its end, or until
     * {@code limit} has passed, and returns the records read by then.
     */
    public static <K, V> List<ConsumerRecord<K, V>> readAtLeast(Map<String, ?> clientConfig, String topic, int count,
                                                               Deserializer<K> keys, Deserializer<V> values,
                                                               Duration limit) {
        // the settings may carry the registry's and the application's keys, which a consumer would warn about
        Map<String, Object> config = ClientSettings.knownTo(ClientSettings.groupFreeConsumer(clientConfig),
                ConsumerConfig.configNames());
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(config, keys, values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + limit.toNanos();
            while (System.nanoTime() < deadline) {
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                boolean atEnd = partitions.stream().allMatch(p -> consumer.position(p) >= ends.get(p));
                if (atEnd && records.size() >= count) {
                    break;
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** The latest value of every key among these records, as a compacted topic keeps it (a tombstone removes the key). */
    public static <K, V> Map<K, V> latest(List<ConsumerRecord<K, V>> records) {
        Map<K, V> latest = new LinkedHashMap<>();
        for (ConsumerRecord<K, V> record : records) {
            if (record.value() == null) {
                latest.remove(record.key());
            } else {
                latest.put(record.key(), record.value());
            }
        }
        return latest;
    }
}
