package org.policyradar.app.pipeline;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.clients.ClientSettings;
import org.policyradar.registry.serde.RegistryAvroSerdes;
import org.policyradar.topics.TopicCatalogue;
import org.policyradar.topics.TopicSerdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows policy.conflicts.v1 from the beginning (committed records only) on a thread of its own and reports
 * every change of a conflict as it is written: the topology writes a conflict when it is new and when something
 * a reader sees changes, so one conflict is a handful of lines however many outlets report its stories. It joins
 * no consumer group: it is a viewer, not a processor.
 */
public final class ConflictWatcher implements AutoCloseable {

    /** Receives each state of a conflict, and whether it is the first one seen. */
    @FunctionalInterface
    public interface ChangeListener {
        void onChange(PolicyConflict conflict, boolean isNew);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ConflictWatcher.class);

    private final KafkaConsumer<String, PolicyConflict> consumer;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Set<String> seen = new HashSet<>();
    private final Map<String, PolicyConflict> latest = new HashMap<>();
    private final AtomicLong changes = new AtomicLong();

    public ConflictWatcher(Map<String, Object> clientConfig, ChangeListener listener) {
        Map<String, Object> config = ClientSettings.knownTo(ClientSettings.groupFreeConsumer(clientConfig),
                ConsumerConfig.configNames());
        TopicSerdes<String, PolicyConflict> conflicts =
                TopicCatalogue.POLICY_CONFLICTS.serdes(RegistryAvroSerdes.of(clientConfig));
        this.consumer = new KafkaConsumer<>(config, conflicts.key().deserializer(), conflicts.value().deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(TopicCatalogue.POLICY_CONFLICTS.name()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.thread = new Thread(() -> poll(listener), "conflict-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll(ChangeListener listener) {
        try {
            while (running.get()) {
                for (ConsumerRecord<String, PolicyConflict> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null) {
                        report(record.value(), listener);
                    }
                }
            }
        } catch (WakeupException stopping) {
            // close() woke us up
        } catch (RuntimeException e) {
            LOG.error("Stopped following {}: {}", TopicCatalogue.POLICY_CONFLICTS.name(), e.getMessage(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private synchronized void report(PolicyConflict conflict, ChangeListener listener) {
        boolean isNew = seen.add(conflict.getConflictId());
        latest.put(conflict.getConflictId(), conflict);
        changes.incrementAndGet();
        listener.onChange(conflict, isNew);
    }

    /** How many conflicts were seen so far. */
    public synchronized int conflicts() {
        return seen.size();
    }

    /** How many changes of conflicts (lines) were reported so far. */
    public long changes() {
        return changes.get();
    }

    /** The latest state of every conflict seen so far. */
    public synchronized List<PolicyConflict> latest() {
        return List.copyOf(latest.values());
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
