package org.policyradar.app.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.policyradar.app.bench.HeapWatcher.HeapStats;
import org.policyradar.clients.ClientSettings;
import org.policyradar.stack.LocalStack;
import org.policyradar.producer.NewsPublisher;

/**
 * Measures the pipeline against plain Kafka on the embedded stack, in one run:
 * <ol>
 *   <li>raw round trip ({@link RawRoundTrip}): one produce and one consume per item;</li>
 *   <li>exactly-once pass-through ({@link PassThroughPath}): the same items through a Streams application that
 *       only copies them, with the production settings and serdes: the ceiling of any topology;</li>
 *   <li>full pipeline ({@link PipelinePath}): the same items through the production topology, until every
 *       enriched item is read back;</li>
 *   <li>latency: once the pipeline has caught up with the throughput phase (or after
 *       {@link Options#catchUp()}), more items at a fixed rate, each timed until its enriched record is read.</li>
 * </ol>
 * The raw and pass-through paths share one embedded stack, the pipeline has another (both Streams applications
 * read {@code news.items.v1}). Every path first carries an untimed warm-up ({@link WarmUp}). Progress goes to
 * {@code progress}; the figures come back as a {@link BenchReport}.
 */
public final class PipelineBench {

    /** The scratch topic of the raw round trip; not a pipeline topic, it lives only on the benchmark's stack. */
    public static final String RAW_TOPIC = RawRoundTrip.TOPIC;

    /** How each path is warmed up before it is timed. */
    public enum WarmUp {
        /**
         * On its own embedded stack, stopped before the timed one starts (for the pipeline once it has caught up, at
         * most {@link Options#catchUp()}): the JVM is warm (JIT, classes), and
         * nothing of the warm-up (records, stories, offsets, schemas) is in the timed run. On the timed stack a
         * single item goes first, so that schema registration and first connections are not timed.
         */
        SEPARATE_STACK,
        /** On the timed stack itself, just before the timed items: the warm-up items' stories stay open. */
        SAME_STACK;

        /** The option value, e.g. {@code separate-stack}. */
        public String optionValue() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * What to run.
     *
     * @param items        items of the timed throughput phases
     * @param rate         items per second of the latency phase
     * @param latencyPhase how long the latency phase sends
     * @param partitions   partitions of every topic of the embedded stack
     * @param seed         seed of the synthetic news
     * @param catchUp      how long the latency phase waits for the pipeline to finish the throughput phase's work
     * @param warmUp       how each path is warmed up
     * @param warmUpRounds with {@link WarmUp#SEPARATE_STACK}: at most this many warm-up rounds per path, fewer once
     *                     the JIT compiler is quiet ({@link WarmUpRounds})
     */
    public record Options(int items, int rate, Duration latencyPhase, int partitions, long seed, Duration catchUp,
                          WarmUp warmUp, int warmUpRounds) {

        /** Warm-up rounds per path unless told otherwise. */
        public static final int DEFAULT_WARM_UP_ROUNDS = 5;

        public Options {
            Objects.requireNonNull(latencyPhase, "latencyPhase");
            Objects.requireNonNull(catchUp, "catchUp");
            Objects.requireNonNull(warmUp, "warmUp");
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
            if (warmUpRounds < 1) {
                throw new IllegalArgumentException("--warm-up-rounds must be at least 1, not " + warmUpRounds);
            }
        }

        /** Options with at most {@link #DEFAULT_WARM_UP_ROUNDS} warm-up rounds. */
        public Options(int items, int rate, Duration latencyPhase, int partitions, long seed, Duration catchUp,
                       WarmUp warmUp) {
            this(items, rate, latencyPhase, partitions, seed, catchUp, warmUp, DEFAULT_WARM_UP_ROUNDS);
        }

        /** Options with the default warm-up, {@link WarmUp#SEPARATE_STACK}. */
        public Options(int items, int rate, Duration latencyPhase, int partitions, long seed, Duration catchUp) {
            this(items, rate, latencyPhase, partitions, seed, catchUp, WarmUp.SEPARATE_STACK);
        }

        /**
         * Items not timed, sent through each path first. On a separate stack as many as the timed items, at most
         * 10,000 (they cannot affect the timed run); on the same stack a tenth of them, 100 to 2,000.
         */
        int warmUpItems() {
            return warmUp == WarmUp.SEPARATE_STACK ? Math.min(10_000, items) : Math.min(2000, Math.max(100, items / 10));
        }

        /** Items of the latency phase: rate times duration. */
        int latencyItems() {
            return (int) Math.max(1, Math.round(rate * latencyPhase.toMillis() / 1000.0));
        }
    }

    /**
     * Whether the pipeline had finished the throughput phase's work (conflict matching included) before the
     * latency phase started, and how long that took after the last item was enriched.
     */
    public record CatchUp(boolean caughtUp, Duration waited) {
    }

    private final Options options;
    private final BenchPhases phases;

    public PipelineBench(Options options, PrintWriter progress) {
        this.options = Objects.requireNonNull(options, "options");
        this.phases = new BenchPhases(options, progress);
    }

    /**
     * Starts the embedded stacks under {@code workDir} one after the other, runs the phases and stops them.
     *
     * @throws IllegalStateException when a phase does not complete: records lost, a time-out, Streams failing
     */
    public BenchReport run(Path workDir) throws InterruptedException {
        boolean separate = options.warmUp() == WarmUp.SEPARATE_STACK;
        try (HeapWatcher heap = HeapWatcher.start()) {
            int rounds = separate ? options.warmUpRounds() : 1;
            int perRound = options.warmUpItems();
            WarmUpRounds.Result rawWarmUp = null;
            WarmUpRounds.Result passThroughWarmUp = null;
            if (separate) {
                WarmUpRounds.PerPath kafkaWarmUps = onStack(workDir, "warm-up-kafka", (config, dir) -> {
                    WarmUpRounds.Result rawRounds;
                    try (RawRoundTrip raw = new RawRoundTrip(config, phases)) {
                        rawRounds = WarmUpRounds.untilQuiet(rounds, round -> raw.warmUp(perRound, round));
                    }
                    try (PassThroughPath passThrough = new PassThroughPath(config, dir.resolve("state"), phases)) {
                        return new WarmUpRounds.PerPath(rawRounds,
                                WarmUpRounds.untilQuiet(rounds, round -> passThrough.warmUp(perRound, round)), null);
                    }
                });
                rawWarmUp = kafkaWarmUps.raw();
                passThroughWarmUp = kafkaWarmUps.passThrough();
            }
            int onTimedStack = separate ? 1 : options.warmUpItems();
            KafkaFigures kafka = onStack(workDir, "kafka", (config, dir) -> {
                Throughput raw;
                double meanRecordBytes;
                try (RawRoundTrip path = new RawRoundTrip(config, phases)) {
                    path.warmUp(onTimedStack);
                    raw = path.timed();
                    meanRecordBytes = path.meanRecordBytes();
                }
                try (PassThroughPath path = new PassThroughPath(config, dir.resolve("state"), phases)) {
                    path.warmUp(onTimedStack);
                    return new KafkaFigures(raw, path.timed(), meanRecordBytes, producerSettings(config));
                }
            });
            WarmUpRounds.Result pipelineWarmUp = null;
            if (separate) {
                pipelineWarmUp = onStack(workDir, "warm-up-pipeline", (config, dir) -> {
                    try (PipelinePath pipeline = new PipelinePath(config, dir.resolve("state"), phases)) {
                        return WarmUpRounds.untilQuiet(rounds, round -> {
                            pipeline.warmUp(perRound, round);
                            // the matching and conflict steps run behind the enrichment: let them warm up too
                            pipeline.awaitCatchUp(options.catchUp());
                        });
                    }
                });
            }
            WarmUpRounds.PerPath warmUps = new WarmUpRounds.PerPath(rawWarmUp, passThroughWarmUp, pipelineWarmUp);
            return onStack(workDir, "pipeline", (config, dir) -> {
                try (PipelinePath pipeline = new PipelinePath(config, dir.resolve("state"), phases)) {
                    pipeline.warmUp(onTimedStack);
                    PipelinePath.Timed timed = pipeline.timed(heap);
                    CatchUp catchUp = pipeline.awaitCatchUp(options.catchUp());
                    PipelinePath.Latency latency = pipeline.latency(options.rate(), options.latencyItems(),
                            options.warmUpItems() + options.items());
                    HeapStats heapStats = heap.stats();
                    return new BenchReport(options, options.warmUpItems(), warmUps, kafka.meanRecordBytes(),
                            kafka.producerSettings(), kafka.raw(), kafka.passThrough(), timed.throughput(),
                            timed.conflictRecords(), catchUp, latency.stats(), latency.achievedRate(),
                            timed.liveHeapMiB(), heapStats, Runtime.getRuntime().availableProcessors());
                }
            });
        }
    }

    private record KafkaFigures(Throughput raw, Throughput passThrough, double meanRecordBytes,
                                String producerSettings) {
    }

    /** Work done on one embedded stack. */
    @FunctionalInterface
    private interface StackWork<T> {
        T run(Map<String, Object> clientConfig, Path stackDir) throws InterruptedException;
    }

    private <T> T onStack(Path workDir, String name, StackWork<T> work) throws InterruptedException {
        Path dir = workDir.resolve(name);
        phases.say("starting the embedded stack '%s' (%d partition(s))", name, options.partitions());
        try (LocalStack stack = LocalStack.start(dir.resolve("stack"), 0, 0, options.partitions())) {
            return work.run(ClientSettings.forCluster(stack.bootstrapServers(), stack.registryUrl()), dir);
        }
    }

    private static String producerSettings(Map<String, Object> config) {
        Map<String, Object> producer = NewsPublisher.producerConfig(config);
        return List.of(ProducerConfig.ACKS_CONFIG, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        ProducerConfig.COMPRESSION_TYPE_CONFIG, ProducerConfig.LINGER_MS_CONFIG).stream()
                .map(key -> key + "=" + producer.get(key))
                .reduce((a, b) -> a + ", " + b)
                .orElse("");
    }
}
