package org.policyradar.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.policyradar.clients.TopicReader;

/**
 * Reads a whole topic for a test as a downstream consumer would (the production {@link TopicReader}: all
 * partitions from the start, committed records only, outside any consumer group), by bootstrap address or with
 * full client settings. The waiting reads give up after {@link #WAIT_LIMIT} and answer what is there.
 */
public final class TopicRecords {

    /** The most {@link #readAtLeast} waits for records to arrive. */
    public static final Duration WAIT_LIMIT = Duration.ofMinutes(1);

    private TopicRecords() {
    }

    /** Every record up to the end offsets seen at start. */
    public static <K, V> List<ConsumerRecord<K, V>> readAll(String bootstrapServers, String topic,
                                                            Deserializer<K> keys, Deserializer<V> values) {
        return TopicReader.readAll(forCluster(bootstrapServers), topic, keys, values);
    }

    /** As {@link #readAll(String, String, Deserializer, Deserializer)} with full client settings (SASL, TLS...). */
    public static <K, V> List<ConsumerRecord<K, V>> readAll(Map<String, Object> clientConfig, String topic,
                                                            Deserializer<K> keys, Deserializer<V> values) {
        return TopicReader.readAll(clientConfig, topic, keys, values);
    }

    /** Waits (up to {@link #WAIT_LIMIT}) until at least {@code count} records are there, then returns all that are. */
    public static <K, V> List<ConsumerRecord<K, V>> readAtLeast(String bootstrapServers, String topic, int count,
                                                                Deserializer<K> keys, Deserializer<V> values) {
        return TopicReader.readAtLeast(forCluster(bootstrapServers), topic, count, keys, values, WAIT_LIMIT);
    }

    /** The latest value of every key, as a compacted topic keeps it (a tombstone removes the key). */
    public static <K, V> Map<K, V> latestByKey(String bootstrapServers, String topic,
                                               Deserializer<K> keys, Deserializer<V> values) {
        return latest(readAll(bootstrapServers, topic, keys, values));
    }

    /** The latest value of every key among these records (a tombstone removes the key). */
    public static <K, V> Map<K, V> latest(List<ConsumerRecord<K, V>> records) {
        return TopicReader.latest(records);
    }

    private static Map<String, Object> forCluster(String bootstrapServers) {
        return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    }
}
