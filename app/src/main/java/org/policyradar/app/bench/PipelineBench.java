package org.policyradar.app.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.policyradar.app.bench.HeapWatcher.HeapStats;
import org.policyradar.app.pipeline.IdleDetector;
import org.policyradar.app.pipeline.StreamsPipeline;
import org.policyradar.avro.NewsItem;
import org.policyradar.clients.ClientSettings;
import org.policyradar.producer.NewsPublisher;
import org.policyradar.registry.serde.SpecificAvroSerde;
import org.policyradar.stack.LocalStack;
import org.policyradar.streams.enrich.RuleSet;
import org.policyradar.streams.topology.DetectionSettings;
import org.policyradar.streams.topology.StreamsRunner;
import org.policyradar.testkit.SyntheticNews;
import org.policyradar.topics.Topics;

/**
 * Measures the pipeline against plain Kafka on the embedded stack, in one run:
 * <ol>
 *   <li>raw round trip: the synthetic news items, serialized as the pipeline serializes them, produced to a fresh
 *       topic with the news producer's settings ({@link NewsPublisher#producerConfig}) and consumed back
 *       ({@code read_committed});</li>
 *   <li>full pipeline: the same items published with {@link NewsPublisher}, processed by the production topology
 *       with exactly-once ({@link StreamsPipeline}), until every enriched item is read back
 *       ({@code read_committed}), conflicts read alongside;</li>
 *   <li>latency: once the pipeline has caught up with the throughput phase (or after
 *       {@link Options#catchUp()}), more items at a fixed rate, each timed from just before it is handed to the
 *       publisher until its enriched record is read, i.e. committed by the Streams transaction.</li>
 * </ol>
 * Each path first carries a warm-up batch that is not timed (JIT, schema registration, first fetches). Progress
 * goes to {@code progress}; the figures come back as a {@link BenchReport}.
 */
public final class PipelineBench {

    /** The scratch topic of the raw round trip; not a pipeline topic, it lives only on the benchmark's stack. */
    public static final String RAW_TOPIC = "policy-radar-bench-raw";
    static final String APPLICATION_ID = "policy-radar-bench";
    /** Event time of the first synthetic item; later ones follow at {@link #EVENT_SPACING}, phase after phase. */
    static final Instant FIRST_EVENT_TIME = Instant.parse("2025-01-06T09:00:00Z");
    /** One item a minute in event time: 1,440 a day, a busy newsroom's stream of policy news. */
    static final Duration EVENT_SPACING = Duration.ofMinutes(1);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration QUIET_PERIOD = Duration.ofSeconds(2);

    /**
     * What to run.
     *
     * @param items        items of the timed throughput phases
     * @param rate         items per second of the latency phase
     * @param latencyPhase how long the latency phase sends
     * @param partitions   partitions of every topic of the embedded stack
     * @param seed         seed of the synthetic news
     * @param catchUp      how long the latency phase waits for the pipeline to finish the throughput phase's work
     */
    public record Options(int items, int rate, Duration latencyPhase, int partitions, long seed, Duration catchUp) {
        public Options {
            Objects.requireNonNull(latencyPhase, "latencyPhase");
            Objects.requireNonNull(catchUp, "catchUp");
            if (catchUp.isNegative()) {
                throw new IllegalArgumentException("the catch-up wait must not be negative, not " + catchUp);
            }
            if (items < 1) {
                throw new IllegalArgumentException("--items must be at least 1, not " + items);
            }
            if (rate < 1) {
                throw new IllegalArgumentException("--rate must be at least 1 item/s, not " + rate);
            }
            if (latencyPhase.toMillis() < 1000) {
                throw new IllegalArgumentException("the latency phase must last at least 1 s, not " + latencyPhase);
            }
            if (partitions < 1) {
                throw new IllegalArgumentException("--partitions must be at least 1, not " + partitions);
            }
        }

        /** Items not timed, sent through each path first: a tenth of the items, at least 100, at most 2,000. */
        int warmUpItems() {
            return Math.min(2000, Math.max(100, items / 10));
        }

        /** Items of the latency phase: rate times duration. */
        int latencyItems() {
            return (int) Math.max(1, Math.round(rate * latencyPhase.toMillis() / 1000.0));
        }
    }

    private final Options options;
    private final PrintWriter progress;

    public PipelineBench(Options options, PrintWriter progress) {
        this.options = Objects.requireNonNull(options, "options");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * Starts the embedded stack under {@code workDir}, runs the phases and stops the stack.
     *
     * @throws IllegalStateException when a phase does not complete: records lost, a time-out, Streams failing
     */
    public BenchReport run(Path workDir) throws InterruptedException {
        try (HeapWatcher heap = HeapWatcher.start()) {
            say("starting the embedded stack (%d partition(s))", options.partitions());
            try (LocalStack stack = LocalStack.start(workDir.resolve("stack"), 0, 0, options.partitions())) {
                Map<String, Object> config = ClientSettings.forCluster(stack.bootstrapServers(),
                        stack.registryUrl());
                RawResult raw = rawRoundTrip(config);
                PipelineResult pipeline = pipeline(config, workDir.resolve("state"), heap);
                HeapStats heapStats = heap.stats();
                return new BenchReport(options, options.warmUpItems(), raw.meanRecordBytes(),
                        producerSettings(config), raw.throughput(), pipeline.throughput(), pipeline.conflicts(),
                        pipeline.catchUp(), pipeline.latency(), pipeline.achievedRate(), pipeline.liveHeapMiB(),
                        heapStats, Runtime.getRuntime().availableProcessors());
            }
        }
    }

    private record RawResult(Throughput throughput, double meanRecordBytes) {
    }

    private record PipelineResult(Throughput throughput, long conflicts, CatchUp catchUp, LatencyStats latency,
                                  double achievedRate, List<Long> liveHeapMiB) {
    }

    /**
     * Whether the pipeline had finished the throughput phase's work (conflict matching included) before the
     * latency phase started, and how long that took after the last item was enriched.
     */
    public record CatchUp(boolean caughtUp, Duration waited) {
    }

    // ------------------------------------------------------------------------------------------ raw round trip

    private RawResult rawRoundTrip(Map<String, Object> config) throws InterruptedException {
        createRawTopic(config);
        Serializer<NewsItem> serializer = newsItemSerde(config).serializer();
        CurrentPhase phase = new CurrentPhase();
        AtomicLong failed = new AtomicLong();
        long bytes = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(NewsPublisher.producerConfig(config),
                new StringSerializer(), new ByteArraySerializer());
             TopicWatcher watcher = new TopicWatcher(config, List.of(RAW_TOPIC),
                     (topic, key, nanos) -> phase.get().record(key, nanos))) {
            say("raw round trip: %d warm-up records", options.warmUpItems());
            Arrivals warmUp = phase.start(new Arrivals("warm", options.warmUpItems()));
            SyntheticNews warmUpNews = news("warm", 0);
            for (int i = 0; i < options.warmUpItems(); i++) {
                send(producer, serializer, warmUpNews.nextItem(), failed);
            }
            awaitAll(warmUp, watcher, "raw warm-up records", null);

            say("raw round trip: %d records", options.items());
            Arrivals timed = phase.start(new Arrivals("item", options.items()));
            SyntheticNews news = news("item", options.warmUpItems());
            ProcessCpu cpu = ProcessCpu.start();
            long start = System.nanoTime();
            for (int i = 0; i < options.items(); i++) {
                bytes += send(producer, serializer, news.nextItem(), failed);
            }
            awaitAll(timed, watcher, "raw records", null);
            ProcessCpu.Used used = cpu.used();
            if (failed.get() > 0) {
                throw new IllegalStateException(failed.get() + " raw records could not be produced");
            }
            Throughput throughput = new Throughput(options.items(), timed.lastArrivalNanos() - start,
                    used.cpuNanos(), used.jitNanos());
            say("raw round trip: %s", throughput.describe());
            return new RawResult(throughput, (double) bytes / options.items());
        }
    }

    private static int send(KafkaProducer<String, byte[]> producer, Serializer<NewsItem> serializer, NewsItem item,
                            AtomicLong failed) {
        // the pipeline's publisher serializes inside send(); here it is done just before, at the same cost
        byte[] value = serializer.serialize(Topics.NEWS_ITEMS, item);
        producer.send(new ProducerRecord<>(RAW_TOPIC, item.getId(), value), (metadata, error) -> {
            if (error != null) {
                failed.incrementAndGet();
            }
        });
        return value.length;
    }

    private void createRawTopic(Map<String, Object> config) throws InterruptedException {
        try (Admin admin = Admin.create(ClientSettings.admin(config))) {
            admin.createTopics(List.of(new NewTopic(RAW_TOPIC, options.partitions(), (short) 1))).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the topic " + RAW_TOPIC + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    // ------------------------------------------------------------------------------------------ full pipeline

    private PipelineResult pipeline(Map<String, Object> config, Path stateDir, HeapWatcher heap)
            throws InterruptedException {
        CurrentPhase phase = new CurrentPhase();
        AtomicLong conflicts = new AtomicLong();
        say("pipeline: starting the Streams application (exactly-once)");
        try (StreamsRunner runner = StreamsPipeline.start(config, APPLICATION_ID, stateDir, DetectionSettings.DEFAULTS,
                RuleSet.loadDefault());
             TopicWatcher watcher = new TopicWatcher(config, List.of(Topics.NEWS_ENRICHED, Topics.POLICY_CONFLICTS),
                     (topic, key, nanos) -> {
                         if (topic.equals(Topics.POLICY_CONFLICTS)) {
                             conflicts.incrementAndGet();
                         } else {
                             phase.get().record(key, nanos);
                         }
                     });
             NewsPublisher publisher = new NewsPublisher(config, newsItemSerde(config).serializer())) {
            if (!runner.awaitRunning(START_TIMEOUT)) {
                throw new IllegalStateException("the Streams application did not start within " + START_TIMEOUT
                        + " (state " + runner.state() + ")");
            }
            say("pipeline: %d warm-up items", options.warmUpItems());
            Arrivals warmUp = phase.start(new Arrivals("warm", options.warmUpItems()));
            SyntheticNews warmUpNews = news("warm", 0);
            for (int i = 0; i < options.warmUpItems(); i++) {
                publisher.publish(warmUpNews.nextItem());
            }
            awaitAll(warmUp, watcher, "enriched warm-up items", runner);

            say("pipeline: %d items", options.items());
            List<Long> liveHeapMiB = Collections.synchronizedList(new ArrayList<>());
            Arrivals timed = phase.start(new Arrivals("item", options.items(),
                    arrived -> liveHeapMiB.add(HeapStats.mib(heap.usedAfterLastGc()))));
            SyntheticNews news = news("item", options.warmUpItems());
            long conflictsBefore = conflicts.get();
            ProcessCpu cpu = ProcessCpu.start();
            long start = System.nanoTime();
            for (int i = 0; i < options.items(); i++) {
                publisher.publish(news.nextItem());
            }
            awaitAll(timed, watcher, "enriched items", runner);
            ProcessCpu.Used used = cpu.used();
            Throughput throughput = new Throughput(options.items(), timed.lastArrivalNanos() - start,
                    used.cpuNanos(), used.jitNanos());
            long conflictRecords = conflicts.get() - conflictsBefore;
            say("pipeline: %s, %d conflict records", throughput.describe(), conflictRecords);
            CatchUp catchUp = awaitCatchUp(config, options.catchUp());
            say("pipeline: %s after %.1f s", catchUp.caughtUp() ? "caught up" : "still busy",
                    catchUp.waited().toMillis() / 1e3);

            int count = options.latencyItems();
            say("latency: %d items at %d items/s", count, options.rate());
            Arrivals latency = phase.start(new Arrivals("lat", count));
            SyntheticNews latencyNews = news("lat", options.warmUpItems() + options.items());
            long[] sentNanos = new long[count];
            long interval = Math.round(1e9 / options.rate());
            long first = System.nanoTime();
            for (int i = 0; i < count; i++) {
                NewsItem item = latencyNews.nextItem();
                sleepUntil(first + i * interval);
                sentNanos[i] = System.nanoTime();
                publisher.publish(item);
            }
            awaitAll(latency, watcher, "enriched items of the latency phase", runner);
            if (publisher.failedCount() > 0) {
                throw new IllegalStateException(publisher.failedCount() + " news items could not be published");
            }
            long[] latencies = new long[count];
            long[] arrivals = latency.arrivalNanos();
            for (int i = 0; i < count; i++) {
                latencies[i] = arrivals[i] - sentNanos[i];
            }
            double achievedRate = count < 2 ? options.rate() : (count - 1) * 1e9 / (sentNanos[count - 1] - first);
            LatencyStats stats = LatencyStats.of(latencies);
            say("latency: %s", stats.describe());
            return new PipelineResult(throughput, conflictRecords, catchUp, stats, achievedRate, liveHeapMiB);
        }
    }

    /** Waits until the Streams application has consumed everything and no pipeline topic grows any more. */
    private static CatchUp awaitCatchUp(Map<String, Object> config, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        try (Admin admin = Admin.create(ClientSettings.admin(config))) {
            boolean idle = new IdleDetector(admin, APPLICATION_ID, QUIET_PERIOD).awaitIdle(timeout);
            // the quiet period is part of the detection, not of the catching up
            Duration waited = Duration.ofNanos(System.nanoTime() - start).minus(idle ? QUIET_PERIOD : Duration.ZERO);
            return new CatchUp(idle, waited.isNegative() ? Duration.ZERO : waited);
        }
    }

    private static void sleepUntil(long deadlineNanos) {
        for (long left = deadlineNanos - System.nanoTime(); left > 0; left = deadlineNanos - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private void awaitAll(Arrivals arrivals, TopicWatcher watcher, String what, StreamsRunner runner)
            throws InterruptedException {
        // generous: a healthy pipeline on this machine moves well over 100 items/s
        Duration timeout = Duration.ofSeconds(60).plusMillis(10L * arrivals.expected());
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!arrivals.await(Duration.ofMillis(500))) {
            watcher.checkHealthy();
            if (runner != null && runner.failed()) {
                throw new IllegalStateException("the Streams application failed after " + arrivals.arrived()
                        + " of " + arrivals.expected() + " " + what);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + arrivals.arrived() + " of " + arrivals.expected() + " "
                        + what + " arrived within " + timeout
                        + (runner == null ? "" : " (Streams state " + runner.state() + ")"));
            }
        }
    }

    private SyntheticNews news(String idPrefix, long itemsBefore) {
        // the same prefix gives the same items: the raw and pipeline phases send the very same ones
        return new SyntheticNews(options.seed() + idPrefix.hashCode(), idPrefix,
                FIRST_EVENT_TIME.plus(EVENT_SPACING.multipliedBy(itemsBefore)), EVENT_SPACING);
    }

    private static SpecificAvroSerde<NewsItem> newsItemSerde(Map<String, Object> config) {
        SpecificAvroSerde<NewsItem> serde = new SpecificAvroSerde<>();
        serde.configure(config, false);
        return serde;
    }

    private static String producerSettings(Map<String, Object> config) {
        Map<String, Object> producer = NewsPublisher.producerConfig(config);
        return List.of(ProducerConfig.ACKS_CONFIG, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        ProducerConfig.COMPRESSION_TYPE_CONFIG, ProducerConfig.LINGER_MS_CONFIG).stream()
                .map(key -> key + "=" + producer.get(key))
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
    }

    private void say(String format, Object... args) {
        progress.println("[bench] " + String.format(Locale.ROOT, format, args));
        progress.flush();
    }

    /** The phase whose arrivals the consumer thread records. */
    private static final class CurrentPhase {
        private static final Arrivals NONE = new Arrivals("none", 1);
        private volatile Arrivals current = NONE;

        Arrivals start(Arrivals next) {
            current = next;
            return next;
        }

        Arrivals get() {
            return current;
        }
    }
}
