package org.policyradar.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a whole topic for a test as a downstream consumer would: all partitions from the start, committed records
 * only, outside any consumer group. The waiting reads give up after {@link #WAIT_LIMIT} and answer what is there.
 */
public final class TopicRecords {

    /** The most {@link #readAtLeast} waits for records to arrive. */
    public static final Duration WAIT_LIMIT = Duration.ofMinutes(1);

    private TopicRecords() {
    }

    /** Every record up to the end offsets seen at start. */
    public static <K, V> List<ConsumerRecord<K, V>> readAll(String bootstrapServers, String topic,
                                                            Deserializer<K> keys, Deserializer<V> values) {
        return read(forCluster(bootstrapServers), topic, keys, values, 0);
    }

    /** As {@link #readAll(String, String, Deserializer, Deserializer)} with full client settings (SASL, TLS...). */
    public static <K, V> List<ConsumerRecord<K, V>> readAll(Map<String, Object> clientConfig, String topic,
                                                            Deserializer<K> keys, Deserializer<V> values) {
        return read(clientConfig, topic, keys, values, 0);
    }

    /** Waits (up to {@link #WAIT_LIMIT}) until at least {@code count} records are there, then returns all that are. */
    public static <K, V> List<ConsumerRecord<K, V>> readAtLeast(String bootstrapServers, String topic, int count,
                                                                Deserializer<K> keys, Deserializer<V> values) {
        return read(forCluster(bootstrapServers), topic, keys, values, count);
    }

    /** The latest value of every key, as a compacted topic keeps it (a tombstone removes the key). */
    public static <K, V> Map<K, V> latestByKey(String bootstrapServers, String topic,
                                               Deserializer<K> keys, Deserializer<V> values) {
        return latest(readAll(bootstrapServers, topic, keys, values));
    }

    /** The latest value of every key among these records (a tombstone removes the key). */
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

    private static Map<String, Object> forCluster(String bootstrapServers) {
        return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    }

    private static <K, V> List<ConsumerRecord<K, V>> read(Map<String, Object> clientConfig, String topic,
                                                         Deserializer<K> keys, Deserializer<V> values, int atLeast) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        // the settings may carry the registry's and the application's keys, which a consumer would warn about
        config.keySet().retainAll(ConsumerConfig.configNames());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(config, keys, values)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + WAIT_LIMIT.toNanos();
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
