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
import org.apache.kafka.common.serialization.StringDeserializer;
import org.policyradar.avro.ConflictParty;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.registry.serde.SpecificAvroSerde;
import org.policyradar.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows policy.conflicts.v1 from the beginning (committed records only) on a thread of its own and reports
 * every pair of articles as soon as a conflict holds it: a conflict joins two stories, and each new article of
 * either story adds pairs. It joins no consumer group: it is a viewer, not a processor.
 */
public final class ConflictWatcher implements AutoCloseable {

    /** Receives one pair of articles of a conflict, the first time the conflict holds it. */
    @FunctionalInterface
    public interface PairListener {
        void onPair(PolicyConflict conflict, ConflictParty pressing, ConflictParty resisting);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ConflictWatcher.class);

    private final KafkaConsumer<String, PolicyConflict> consumer;
    private final Thread thread;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Map<String, Set<String>> reported = new HashMap<>();
    private final AtomicLong pairs = new AtomicLong();

    public ConflictWatcher(Map<String, Object> clientConfig, PairListener listener) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.keySet().retainAll(ConsumerConfig.configNames());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        SpecificAvroSerde<PolicyConflict> serde = new SpecificAvroSerde<>();
        serde.configure(clientConfig, false);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(), serde.deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.POLICY_CONFLICTS).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.thread = new Thread(() -> poll(listener), "conflict-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    private void poll(PairListener listener) {
        try {
            while (running.get()) {
                for (ConsumerRecord<String, PolicyConflict> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null) {
                        reportNewPairs(record.value(), listener);
                    }
                }
            }
        } catch (WakeupException stopping) {
            // close() woke us up
        } catch (RuntimeException e) {
            LOG.error("Stopped following {}: {}", Topics.POLICY_CONFLICTS, e.getMessage(), e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void reportNewPairs(PolicyConflict conflict, PairListener listener) {
        Set<String> seen = reported.computeIfAbsent(conflict.getConflictId(), id -> new HashSet<>());
        List<ConflictParty> pressing = conflict.getPressingArticles().isEmpty()
                ? List.of(conflict.getPressing()) : conflict.getPressingArticles();
        List<ConflictParty> resisting = conflict.getResistingArticles().isEmpty()
                ? List.of(conflict.getResisting()) : conflict.getResistingArticles();
        for (ConflictParty p : pressing) {
            for (ConflictParty r : resisting) {
                if (seen.add(p.getItemId() + "|" + r.getItemId())) {
                    pairs.incrementAndGet();
                    listener.onPair(conflict, p, r);
                }
            }
        }
    }

    /** How many conflicts were seen so far. */
    public int conflicts() {
        return reported.size();
    }

    /** How many article pairs were reported so far. */
    public long pairs() {
        return pairs.get();
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
