package org.policyradar.app.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.function.IntFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.Serializer;
import org.policyradar.avro.NewsItem;
import org.policyradar.clients.ClientSettings;
import org.policyradar.registry.serde.RegistryAvroSerdes;
import org.policyradar.streams.topology.StreamsRunner;
import org.policyradar.testkit.SyntheticNews;
import org.policyradar.topics.TopicCatalogue;

/**
 * What the paths of the bench share: the synthetic news of each phase, sending a phase's items and waiting until
 * every one of them has come out at the far end (timed, with the process CPU, or not), and progress messages.
 */
final class BenchPhases {

    /** Event time of the first synthetic item; later ones follow at {@link #EVENT_SPACING}, phase after phase. */
    static final Instant FIRST_EVENT_TIME = Instant.parse("2025-01-06T09:00:00Z");
    /** One item a minute in event time: 1,440 a day, a busy newsroom's stream of policy news. */
    static final Duration EVENT_SPACING = Duration.ofMinutes(1);
    /** Id prefix of the untimed warm-up items. */
    static final String WARM_UP = "warm";
    /** Id prefix of the timed throughput items. */
    static final String TIMED = "item";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    private final PipelineBench.Options options;
    private final PrintWriter progress;

    BenchPhases(PipelineBench.Options options, PrintWriter progress) {
        this.options = Objects.requireNonNull(options, "options");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    PipelineBench.Options options() {
        return options;
    }

    /**
     * The synthetic news of a phase. The same prefix gives the same items, so every path sends the very same ones;
     * {@code itemsBefore} places the first event time after the phases that come before it.
     */
    SyntheticNews news(String idPrefix, long itemsBefore) {
        return new SyntheticNews(options.seed() + idPrefix.hashCode(), idPrefix,
                FIRST_EVENT_TIME.plus(EVENT_SPACING.multipliedBy(itemsBefore)), EVENT_SPACING);
    }

    /**
     * {@code count} warm-up items, untimed: sent one by one with {@code send}, waited for until all arrived. Round
     * {@code r} (from 0) has ids and event times of its own, after those of the rounds before it.
     */
    void warmUp(String path, int count, int round, CurrentPhase phase, TopicWatcher watcher, StreamsRunner runner,
                Sender send) throws InterruptedException {
        say("%s: %d warm-up items%s", path, count, round == 0 ? "" : " (round " + (round + 1) + ")");
        String prefix = round == 0 ? WARM_UP : WARM_UP + round;
        Arrivals arrivals = phase.start(new Arrivals(prefix, count));
        SyntheticNews news = round == 0 ? news(WARM_UP, 0) : news(prefix, (long) round * count);
        for (int i = 0; i < count; i++) {
            send.send(news.nextItem());
        }
        awaitAll(arrivals, watcher, path + " warm-up items", runner);
    }

    /**
     * The timed items: the clock and the CPU count start just before the first is sent and stop when the last
     * one arrived.
     *
     * @param arrivals makes the phase's arrivals for a count of items (to add a progress callback)
     */
    Throughput timed(String path, CurrentPhase phase, TopicWatcher watcher, StreamsRunner runner,
                     IntFunction<Arrivals> arrivals, Sender send) throws InterruptedException {
        int count = options.items();
        say("%s: %d items", path, count);
        Arrivals timed = phase.start(arrivals.apply(count));
        // after the warm-up items in event time, as when both ran on the same topics
        SyntheticNews news = news(TIMED, options.warmUpItems());
        ProcessCpu cpu = ProcessCpu.start();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            send.send(news.nextItem());
        }
        awaitAll(timed, watcher, path + " items", runner);
        ProcessCpu.Used used = cpu.used();
        Throughput throughput = new Throughput(count, timed.lastArrivalNanos() - start, used.cpuNanos(),
                used.jitNanos());
        say("%s: %s", path, throughput.describe());
        return throughput;
    }

    /** Waits until every item of {@code arrivals} arrived, or fails when it takes too long or Streams failed. */
    void awaitAll(Arrivals arrivals, TopicWatcher watcher, String what, StreamsRunner runner)
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

    /** Waits until a Streams application just started is RUNNING. */
    static void awaitRunning(StreamsRunner runner) throws InterruptedException {
        if (!runner.awaitRunning(START_TIMEOUT)) {
            throw new IllegalStateException("the Streams application did not start within " + START_TIMEOUT
                    + " (state " + runner.state() + ")");
        }
    }

    /** Creates a scratch topic of the bench, with the partitions of the stack's topics. */
    void createTopic(Map<String, Object> config, String topic) throws InterruptedException {
        try (Admin admin = Admin.create(ClientSettings.admin(config))) {
            admin.createTopics(List.of(new NewTopic(topic, options.partitions(), (short) 1))).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create the topic " + topic + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }

    void say(String format, Object... args) {
        progress.println("[bench] " + String.format(Locale.ROOT, format, args));
        progress.flush();
    }

    /** Hands one item to a path's producer. */
    @FunctionalInterface
    interface Sender {
        void send(NewsItem item);
    }


    /** The news items' value serializer, as the producer and the pipeline build it from the typed topic. */
    static Serializer<NewsItem> newsItemSerializer(Map<String, Object> config) {
        return TopicCatalogue.NEWS_ITEMS.serdes(RegistryAvroSerdes.of(config)).value().serializer();
    }
}
