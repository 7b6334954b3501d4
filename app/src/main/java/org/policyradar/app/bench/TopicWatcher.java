package org.policyradar.app.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.policyradar.app.pipeline.BackgroundConsumer;
import org.policyradar.clients.ClientSettings;

/**
 * Reads topics from the beginning on a thread of its own, as a downstream consumer would ({@code read_committed}:
 * only records of committed transactions), and tells a listener the topic, key and arrival time of each record.
 * Values are not decoded: both benchmark phases pay the same consumer cost.
 */
final class TopicWatcher implements AutoCloseable {

    /** Told of every record, on the watcher's thread. */
    interface Listener {
        void arrived(String topic, String key, long nanos);
    }

    private static final Duration POLL = Duration.ofMillis(100);

    private final Listener listener;
    private final BackgroundConsumer<String, byte[]> polling;

    TopicWatcher(Map<String, Object> clientConfig, List<String> topics, Listener listener) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(clientConfig),
                new StringDeserializer(), new ByteArrayDeserializer());
        this.listener = listener;
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.polling = BackgroundConsumer.start("policy-radar-bench-consumer", consumer, this::pollUntilClosed);
    }

    /** The settings of every benchmark consumer: the client config plus read_committed, no group, no commits. */
    static Map<String, Object> consumerConfig(Map<String, Object> clientConfig) {
        Map<String, Object> config = ClientSettings.groupFreeConsumer(clientConfig);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return config;
    }

    /** Throws what stopped the polling thread, if anything did. */
    void checkHealthy() {
        polling.failure().ifPresent(failure -> {
            throw new IllegalStateException("the benchmark consumer failed: " + failure.getMessage(), failure);
        });
    }

    private void pollUntilClosed(Consumer<String, byte[]> consumer, BooleanSupplier running) {
        while (running.getAsBoolean()) {
            ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
            long now = System.nanoTime();
            for (ConsumerRecord<String, byte[]> record : records) {
                listener.arrived(record.topic(), record.key(), now);
            }
        }
    }

    @Override
    public void close() {
        polling.close();
    }
}
