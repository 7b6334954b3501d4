package org.policyradar.stack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.policyradar.clients.ClientSettings;
import org.policyradar.topics.Topic;
import org.policyradar.topics.TopicCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Creates the pipeline's topics ({@link TopicCatalogue#pipeline()}) with their configs. Idempotent: a topic that exists
 * already is left as it is, whatever its partitions or configs, so that restarting never touches data.
 *
 * <p>The partition count is a parameter. The local stack uses {@link #LOCAL_PARTITIONS} (one partition per
 * topic): a single broker gains nothing from more, and one partition keeps the order in which a replay
 * reads records the same as the order in which they were written. A real cluster should choose more (for
 * example 3) to spread the Kafka Streams work. The replication factor is left to the broker's
 * {@code default.replication.factor}, which is right for both a single node and a real cluster.
 */
public final class TopicInitializer {

    /** Partitions per topic on the embedded local stack. */
    public static final int LOCAL_PARTITIONS = 1;

    private static final Logger log = LoggerFactory.getLogger(TopicInitializer.class);
    private static final Duration VISIBILITY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration VISIBILITY_POLL = Duration.ofMillis(100);

    private final Admin admin;
    private final int partitions;

    /**
     * @param admin      the admin client to use; the caller keeps ownership and closes it
     * @param partitions the number of partitions of every topic this creates
     */
    public TopicInitializer(Admin admin, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, not " + partitions);
        }
        this.admin = admin;
        this.partitions = partitions;
    }

    /**
     * Opens an admin client with {@code clientConfig} (bootstrap.servers and any security settings), creates
     * every missing topic of the pipeline, and closes the client.
     *
     * @return the names of the topics this call created, in {@link TopicCatalogue#pipeline()} order
     */
    public static List<String> createPipelineTopics(Map<String, Object> clientConfig, int partitions) {
        try (Admin admin = Admin.create(ClientSettings.admin(clientConfig))) {
            return new TopicInitializer(admin, partitions).createMissing(TopicCatalogue.pipeline());
        }
    }

    /** Creates every missing topic of {@link TopicCatalogue#pipeline()}; returns the names it created. */
    public List<String> createMissing() {
        return createMissing(TopicCatalogue.pipeline());
    }

    /**
     * Creates every topic of {@code topics} that does not exist yet, and returns once the broker serves
     * metadata for all of them; returns the names it created.
     */
    public List<String> createMissing(List<? extends Topic<?, ?>> topics) {
        Set<String> existing = existingTopics();
        List<NewTopic> missing = topics.stream()
                .filter(topic -> !existing.contains(topic.name()))
                .map(topic -> new NewTopic(topic.name(), Optional.of(partitions), Optional.empty())
                        .configs(topic.configs()))
                .toList();
        List<String> created = new ArrayList<>();
        if (missing.isEmpty()) {
            log.debug("All {} topics exist already", topics.size());
            return created;
        }
        var futures = admin.createTopics(missing).values();
        for (NewTopic topic : missing) {
            try {
                futures.get(topic.name()).get();
                created.add(topic.name());
                log.info("Created topic {} ({} partitions, configs {})", topic.name(), partitions, topic.configs());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof TopicExistsException) {
                    // another process created it between our listing and our request: that is what we wanted
                    log.debug("Topic {} was created concurrently", topic.name());
                } else {
                    throw new IllegalStateException("Cannot create topic " + topic.name() + ": " + e.getCause().getMessage(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while creating topic " + topic.name(), e);
            }
        }
        awaitVisible(missing.stream().map(NewTopic::name).toList());
        return created;
    }

    /**
     * Waits until the broker describes {@code names}. A creation is acknowledged once the controller has
     * committed it, and the broker learns of it a moment later; a client that asks in between is told the
     * topic does not exist.
     */
    private void awaitVisible(List<String> names) {
        long deadline = System.nanoTime() + VISIBILITY_TIMEOUT.toNanos();
        while (true) {
            try {
                admin.describeTopics(names).allTopicNames().get();
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("Created topics " + names + " but the cluster does not describe them: "
                            + e.getCause().getMessage(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for topics " + names, e);
            }
            try {
                Thread.sleep(VISIBILITY_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for topics " + names, e);
            }
        }
    }

    private Set<String> existingTopics() {
        try {
            return admin.listTopics().names().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot list the cluster's topics: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while listing topics", e);
        }
    }
}
