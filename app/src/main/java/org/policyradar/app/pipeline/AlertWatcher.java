package org.policyradar.app.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.policyradar.avro.ConflictAlert;
import org.policyradar.registry.serde.SpecificAvroSerde;
import org.policyradar.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows policy.alerts.v1 from the beginning (committed records only) and hands each new-conflict alert to a
 * callback, on a thread of its own. It joins no consumer group: it is a viewer, not a processor.
 */
public final class AlertWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertWatcher.class);

    private final KafkaConsumer<String, ConflictAlert> consumer;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong lastRecordNanos = new AtomicLong(System.nanoTime());
    private final AtomicLong seen = new AtomicLong();

    public AlertWatcher(Map<String, Object> clientConfig, Consumer<ConflictAlert> onAlert) {
        Map<String, Object> config = new java.util.HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        SpecificAvroSerde<ConflictAlert> serde = new SpecificAvroSerde<>();
        serde.configure(clientConfig, false);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), serde.deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.POLICY_ALERTS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.thread = new Thread(() -> poll(onAlert), "alert-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll(Consumer<ConflictAlert> onAlert) {
        try {
            while (running.get()) {
                for (ConsumerRecord<String, ConflictAlert> record : consumer.poll(Duration.ofMillis(200))) {
                    lastRecordNanos.set(System.nanoTime());
                    seen.incrementAndGet();
                    onAlert.accept(record.value());
                }
            }
        } catch (WakeupException stopping) {
            // close() woke us up
        } catch (RuntimeException e) {
            LOG.error("Stopped following {}: {}", Topics.POLICY_ALERTS, e.getMessage(), e);
        } finally {
            consumer.close(java.time.Duration.ofSeconds(5));
        }
    }

    /** How long since the last alert arrived (or since the watcher started). */
    public Duration quietFor() {
        return Duration.ofNanos(System.nanoTime() - lastRecordNanos.get());
    }

    /** How many alerts arrived so far. */
    public long seen() {
        return seen.get();
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
