package org.policyradar.app.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.policyradar.app.pipeline.IdleDetector;
import org.policyradar.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Small helpers the reliability tests share: client settings, free ports, and waiting for the pipeline. */
final class PipelineWaits {

    /** How long the pipeline's topics must stay unchanged to count as caught up. */
    static final Duration QUIET = Duration.ofSeconds(2);
    /** The most any test waits for the pipeline to catch up. */
    static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(3);

    private static final Logger LOG = LoggerFactory.getLogger(PipelineWaits.class);
    private static final Duration POLL = Duration.ofMillis(300);

    private PipelineWaits() {
    }

    /** bootstrap.servers and schema.registry.url, in a mutable map. */
    static Map<String, Object> clientConfig(String bootstrapServers, String registryUrl) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("schema.registry.url", registryUrl);
        return config;
    }

    /** A loopback port that is free now (the caller binds it soon after). */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port", e);
        }
    }

    /**
     * Waits until the application has caught up with all input published so far, failing at once with
     * {@code diagnosis} when {@code healthy} turns false and after {@link #CATCH_UP_LIMIT} otherwise.
     *
     * <p>First the launcher's own {@link IdleDetector} (input committed, topics quiet for {@link #QUIET}); then,
     * because a quiet period can also be a stall (a busy machine, a producer backing off), until the application is
     * drained: every committed record of its source topics (news.items.v1 and the repartition topics) lies before the
     * group's committed offset, and no transaction is open on the topics it writes. Under exactly-once the outputs
     * of a record are committed with its offset, so nothing is left in flight.
     */
    static void awaitIdle(Map<String, Object> clientConfig, String applicationId, Supplier<Boolean> healthy,
                          Supplier<String> diagnosis) throws InterruptedException {
        long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        try (Admin admin = Admin.create(clientConfig);
             KafkaConsumer<byte[], byte[]> reader = committedReader(clientConfig)) {
            IdleDetector detector = new IdleDetector(admin, applicationId, QUIET);
            boolean idle = false;
            while (!idle) {
                requireHealthy(applicationId, healthy, diagnosis, deadline);
                idle = detector.awaitIdle(Duration.ofSeconds(10));
            }
            long idleAt = System.nanoTime();
            int drainedInARow = 0;
            AtomicReference<String> lastPending = new AtomicReference<>("");
            // twice in a row: offsets and transaction markers of one commit become visible one after the other
            while (drainedInARow < 2) {
                requireHealthy(applicationId, healthy,
                        () -> diagnosis.get() + "; still pending: " + lastPending.get(), deadline);
                String pending = pending(admin, reader, applicationId);
                lastPending.set(pending);
                drainedInARow = pending.isEmpty() ? drainedInARow + 1 : 0;
                if (!pending.isEmpty()) {
                    LOG.warn("{}: IdleDetector reported idle but the application is not drained: {}", applicationId,
                            pending);
                }
                Thread.sleep(POLL.toMillis());
            }
            LOG.info("{} drained {} ms after IdleDetector reported idle", applicationId,
                    (System.nanoTime() - idleAt) / 1_000_000);
        }
        requireHealthy(applicationId, healthy, diagnosis, deadline);
    }

    private static void requireHealthy(String applicationId, Supplier<Boolean> healthy, Supplier<String> diagnosis,
                                       long deadline) {
        if (!healthy.get()) {
            throw new AssertionError("the Streams application " + applicationId + " stopped: " + diagnosis.get());
        }
        if (System.nanoTime() > deadline) {
            throw new AssertionError("the Streams application " + applicationId + " did not catch up within "
                    + CATCH_UP_LIMIT + ": " + diagnosis.get());
        }
    }

    /** What keeps the application from being drained, in words; empty when it is drained. */
    private static String pending(Admin admin, KafkaConsumer<byte[], byte[]> reader, String applicationId)
            throws InterruptedException {
        try {
            List<String> topics = new ArrayList<>(admin.listTopics().names().get());
            List<String> sources = topics.stream().filter(name -> name.equals(Topics.NEWS_ITEMS)
                    || name.startsWith(applicationId + "-") && name.endsWith("-repartition")).sorted().toList();
            List<String> written = topics.stream().filter(name -> !name.equals(Topics.NEWS_ITEMS)
                    && (Topics.names().contains(name) || name.startsWith(applicationId + "-"))).sorted().toList();

            Map<TopicPartition, Long> highWatermarks = endOffsets(admin, written, IsolationLevel.READ_UNCOMMITTED);
            Map<TopicPartition, Long> stable = endOffsets(admin, written, IsolationLevel.READ_COMMITTED);
            List<String> open = highWatermarks.keySet().stream()
                    .filter(p -> !highWatermarks.get(p).equals(stable.get(p))).map(TopicPartition::toString).toList();
            if (!open.isEmpty()) {
                return "transaction open on " + open;
            }
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(applicationId).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, Long> ends = endOffsets(admin, sources, IsolationLevel.READ_COMMITTED);
            Map<TopicPartition, Long> unread = new HashMap<>();
            ends.forEach((partition, end) -> {
                OffsetAndMetadata offset = committed.get(partition);
                long from = offset == null ? 0 : offset.offset();
                if (from < end) {
                    unread.put(partition, from);
                }
            });
            // past the committed offset there may be transaction markers only, which are not records
            long records = countRecords(reader, unread, ends);
            return records == 0 ? "" : records + " committed input records not yet processed";
        } catch (ExecutionException e) {
            return "cannot tell: " + e.getCause();
        }
    }

    private static long countRecords(KafkaConsumer<byte[], byte[]> reader, Map<TopicPartition, Long> from,
                                     Map<TopicPartition, Long> ends) {
        if (from.isEmpty()) {
            return 0;
        }
        reader.assign(from.keySet());
        from.forEach(reader::seek);
        long records = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (from.keySet().stream().anyMatch(p -> reader.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
            records += reader.poll(Duration.ofMillis(100)).count();
        }
        return records;
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, List<String> topics, IsolationLevel isolation)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get().forEach((name, description) -> description.partitions()
                .forEach(p -> request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(request, new ListOffsetsOptions(isolation)).all().get()
                .forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    private static KafkaConsumer<byte[], byte[]> committedReader(Map<String, Object> clientConfig) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.keySet().retainAll(ConsumerConfig.configNames());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
