package org.policyradar.app.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.common.serialization.Serde;
import org.policyradar.app.pipeline.NewsIngestion;
import org.policyradar.avro.NewsItem;
import org.policyradar.producer.FeedPoller;
import org.policyradar.producer.NewsPublisher;
import org.policyradar.producer.PollResult;
import org.policyradar.registry.serde.RegistryAvroSerdes;
import org.policyradar.topics.TopicCatalogue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code policy-radar produce}: publishes news files, feeds or stdin to news.items.v1 on a named cluster. */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = {"Publish news to news.items.v1 as Avro NewsItem records: files (plain text, JSON Lines, "
                + "RSS/Atom), URLs, stdin, or live feeds followed with --feed and --poll."})
public final class ProduceCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Mixin
    IngestMixin ingest;

    @Option(names = "--feed", paramLabel = "URL", arity = "1..*",
            description = "RSS or Atom feeds to follow; entries already published (by guid, else link) are skipped, "
                    + "also across restarts.")
    List<URI> feeds = new ArrayList<>();

    @Option(names = "--poll", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Poll the --feed URLs every DURATION (e.g. 5m) until Ctrl-C; without it they are read once.")
    Duration poll;

    @Option(names = "--feed-state", paramLabel = "DIR",
            description = "Where the feeds' seen entries and ETags are kept (default: ~/.policy-radar/feeds).")
    Path feedState;

    @Override
    public Integer call() throws Exception {
        if (ingest.inputs().isEmpty() && feeds.isEmpty()) {
            System.err.println("Nothing to publish: give --input FILE... ('-' for stdin) or --feed URL...");
            return 2;
        }
        if (poll != null && feeds.isEmpty()) {
            System.err.println("--poll follows feeds: give at least one --feed URL.");
            return 2;
        }
        boolean ok = true;
        Map<String, Object> clientConfig = cluster.clientConfig();
        if (!ingest.inputs().isEmpty()) {
            NewsIngestion.Result result = NewsIngestion.publish(ingest.inputs(), ingest.options(), clientConfig);
            System.err.println("Done: " + result);
            ok = result.successful();
        }
        if (!feeds.isEmpty()) {
            ok &= followFeeds(clientConfig);
        }
        return ok ? 0 : 1;
    }

    private boolean followFeeds(Map<String, Object> clientConfig) throws InterruptedException {
        Serde<NewsItem> serde = TopicCatalogue.NEWS_ITEMS.serdes(RegistryAvroSerdes.of(clientConfig)).value();
        Path stateDir = feedState != null ? feedState : FeedPoller.defaultStateDir();
        try (NewsPublisher publisher = new NewsPublisher(clientConfig, serde.serializer());
             FeedPoller poller = FeedPoller.builder(feeds, stateDir, publisher)
                     .interval(poll != null ? poll : FeedPoller.DEFAULT_INTERVAL)
                     .options(ingest.options())
                     .deliveryCheck(publisher::flushAndConfirm)
                     .roundListener(ProduceCommand::report)
                     .build()) {
            if (poll == null) {
                PollResult result = poller.pollOnce();
                report(result);
                return result.count(PollResult.Status.FAILED) == 0;
            }
            // Ctrl-C interrupts the wait between rounds instead of letting it run out
            ShutdownSignal signal = ShutdownSignal.install();
            Thread polling = Thread.currentThread();
            Thread stopper = new Thread(() -> {
                try {
                    signal.await();
                    polling.interrupt();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "feed-poll-stopper");
            stopper.setDaemon(true);
            stopper.start();
            try {
                poller.run(() -> !signal.received());
            } catch (InterruptedException stopped) {
                System.err.println("Stopped following feeds.");
            }
            return true;
        }
    }

    private static void report(PollResult result) {
        System.err.println("Feeds: published " + result.published() + ", not modified "
                + result.count(PollResult.Status.NOT_MODIFIED) + ", failed " + result.count(PollResult.Status.FAILED));
    }
}
