package org.policyradar.app.pipeline;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.clients.ClientSettings;
import org.policyradar.registry.serde.RegistryAvroSerdes;
import org.policyradar.topics.TopicCatalogue;
import org.policyradar.topics.TopicSerdes;

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

    private final BackgroundConsumer<String, PolicyConflict> polling;
    private final Set<String> seen = new HashSet<>();
    private final Map<String, PolicyConflict> latest = new HashMap<>();
    private final AtomicLong changes = new AtomicLong();

    public ConflictWatcher(Map<String, Object> clientConfig, ChangeListener listener) {
        Map<String, Object> config = ClientSettings.knownTo(ClientSettings.groupFreeConsumer(clientConfig),
                ConsumerConfig.configNames());
        TopicSerdes<String, PolicyConflict> conflicts =
                TopicCatalogue.POLICY_CONFLICTS.serdes(RegistryAvroSerdes.of(clientConfig));
        KafkaConsumer<String, PolicyConflict> consumer =
                new KafkaConsumer<>(config, conflicts.key().deserializer(), conflicts.value().deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(TopicCatalogue.POLICY_CONFLICTS.name()).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.polling = BackgroundConsumer.start("conflict-watcher", consumer,
                (polled, running) -> poll(polled, running, listener));
    }

    private void poll(Consumer<String, PolicyConflict> consumer, BooleanSupplier running, ChangeListener listener) {
        while (running.getAsBoolean()) {
            for (ConsumerRecord<String, PolicyConflict> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.value() != null) {
                    report(record.value(), listener);
                }
            }
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
        polling.close();
    }
}
