package org.policyradar.app.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.policyradar.app.bench.HeapWatcher.HeapStats;
import org.policyradar.app.pipeline.IdleDetector;
import org.policyradar.app.pipeline.StreamsPipeline;
import org.policyradar.avro.NewsItem;
import org.policyradar.clients.ClientSettings;
import org.policyradar.producer.NewsPublisher;
import org.policyradar.streams.enrich.RuleSet;
import org.policyradar.streams.topology.DetectionSettings;
import org.policyradar.streams.topology.StreamsRunner;
import org.policyradar.testkit.SyntheticNews;
import org.policyradar.topics.Topics;

/**
 * The full pipeline: the items published with {@link NewsPublisher}, processed by the production topology with
 * exactly-once ({@link StreamsPipeline}), until every enriched item is read back ({@code read_committed}),
 * conflicts read alongside; then the wait for the conflict work to finish, and the latency phase.
 */
final class PipelinePath implements AutoCloseable {

    static final String APPLICATION_ID = "policy-radar-bench";
    private static final String PATH = "pipeline";
    private static final Duration QUIET_PERIOD = Duration.ofSeconds(2);

    /** The timed phase's figures. */
    record Timed(Throughput throughput, long conflictRecords, List<Long> liveHeapMiB) {
    }

    /** The latency phase's figures. */
    record Latency(LatencyStats stats, double achievedRate) {
    }

    private final BenchPhases phases;
    private final Map<String, Object> config;
    private final CurrentPhase phase = new CurrentPhase();
    private final AtomicLong conflicts = new AtomicLong();
    private final StreamsPathClients clients;

    /** Starts the pipeline's Streams application; returns once it is running. */
    PipelinePath(Map<String, Object> config, Path stateDir, BenchPhases phases) throws InterruptedException {
        this.phases = phases;
        this.config = config;
        phases.say("pipeline: starting the Streams application (exactly-once)");
        StreamsRunner runner = StreamsPipeline.start(config, APPLICATION_ID, stateDir, DetectionSettings.DEFAULTS,
                RuleSet.loadDefault());
        this.clients = StreamsPathClients.open(config, runner,
                List.of(Topics.NEWS_ENRICHED, Topics.POLICY_CONFLICTS), (topic, key, nanos) -> {
                    if (topic.equals(Topics.POLICY_CONFLICTS)) {
                        conflicts.incrementAndGet();
                    } else {
                        phase.get().record(key, nanos);
                    }
                });
    }

    void warmUp(int count) throws InterruptedException {
        warmUp(count, 0);
    }

    /** Round {@code round} of the warm-up (see {@link BenchPhases#warmUp}). */
    void warmUp(int count, int round) throws InterruptedException {
        phases.warmUp(PATH, count, round, phase, clients.watcher(), clients.runner(),
                clients.publisher()::publish);
        clients.checkPublished();
    }

    /** The timed items, with the heap in use after the latest GC at each quarter of them. */
    Timed timed(HeapWatcher heap) throws InterruptedException {
        List<Long> liveHeapMiB = Collections.synchronizedList(new ArrayList<>());
        long conflictsBefore = conflicts.get();
        Throughput throughput = phases.timed(PATH, phase, clients.watcher(), clients.runner(),
                count -> new Arrivals(BenchPhases.TIMED, count,
                        arrived -> liveHeapMiB.add(HeapStats.mib(heap.usedAfterLastGc()))),
                clients.publisher()::publish);
        long conflictRecords = conflicts.get() - conflictsBefore;
        phases.say("pipeline: %d conflict records", conflictRecords);
        clients.checkPublished();
        return new Timed(throughput, conflictRecords, liveHeapMiB);
    }

    /** Waits until the Streams application has consumed everything and no pipeline topic grows any more. */
    PipelineBench.CatchUp awaitCatchUp(Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        try (Admin admin = Admin.create(ClientSettings.admin(config))) {
            boolean idle = new IdleDetector(admin, APPLICATION_ID, QUIET_PERIOD).awaitIdle(timeout);
            // the quiet period is part of the detection, not of the catching up
            Duration waited = Duration.ofNanos(System.nanoTime() - start).minus(idle ? QUIET_PERIOD : Duration.ZERO);
            PipelineBench.CatchUp catchUp = new PipelineBench.CatchUp(idle, waited.isNegative() ? Duration.ZERO
                    : waited);
            phases.say("pipeline: %s after %.1f s", idle ? "caught up" : "still busy",
                    catchUp.waited().toMillis() / 1e3);
            return catchUp;
        }
    }

    /**
     * Items at {@code rate}, each timed from just before it is handed to the publisher until its enriched record
     * is read, i.e. committed by the Streams transaction.
     *
     * @param itemsBefore items of the phases before, for the event times
     */
    Latency latency(int rate, int count, long itemsBefore) throws InterruptedException {
        phases.say("latency: %d items at %d items/s", count, rate);
        Arrivals latency = phase.start(new Arrivals("lat", count));
        SyntheticNews latencyNews = phases.news("lat", itemsBefore);
        long[] sentNanos = new long[count];
        long interval = Math.round(1e9 / rate);
        long first = System.nanoTime();
        for (int i = 0; i < count; i++) {
            NewsItem item = latencyNews.nextItem();
            sleepUntil(first + i * interval);
            sentNanos[i] = System.nanoTime();
            clients.publisher().publish(item);
        }
        phases.awaitAll(latency, clients.watcher(), "enriched items of the latency phase", clients.runner());
        clients.checkPublished();
        long[] latencies = new long[count];
        long[] arrivals = latency.arrivalNanos();
        for (int i = 0; i < count; i++) {
            latencies[i] = arrivals[i] - sentNanos[i];
        }
        double achievedRate = count < 2 ? rate : (count - 1) * 1e9 / (sentNanos[count - 1] - first);
        LatencyStats stats = LatencyStats.of(latencies);
        phases.say("latency: %s", stats.describe());
        return new Latency(stats, achievedRate);
    }

    private static void sleepUntil(long deadlineNanos) {
        for (long left = deadlineNanos - System.nanoTime(); left > 0; left = deadlineNanos - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    @Override
    public void close() throws InterruptedException {
        clients.close();
    }
}
