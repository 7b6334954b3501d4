package org.policyradar.producer;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.policyradar.avro.NewsItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a list of RSS/Atom feeds over http(s): every interval, one round over all feeds, each fetched with a
 * conditional GET (the last {@code ETag} as {@code If-None-Match}, the last {@code Last-Modified} as
 * {@code If-Modified-Since}); a 304 publishes nothing, a full answer publishes the entries not handled before.
 *
 * <p>Entries are known by guid, else link, else text (see {@link FeedEntryMapper}); the keys handled and the
 * validators are kept per feed in a JSON file in the state directory, written after every feed's poll, so a
 * restarted poller publishes nothing it published before. At most {@link #DEFAULT_MAX_KEYS_PER_FEED} keys are kept
 * per feed; keys of entries still in the feed are never the ones forgotten. A state directory is used by one poller
 * at a time (a lock file enforces it).
 *
 * <p>With a {@link NewsPublisher} as the sink, pass {@code publisher::flushAndConfirm} to
 * {@link Builder#deliveryCheck} so that entries count as handled only once Kafka has acknowledged them.
 *
 * <p>Network errors, timeouts, non-2xx answers, malformed feeds and a sink that throws are reported to the
 * options' {@link BadLineReporter} (input: the feed URL, {@link BadLine#NO_LINE}, the reason), returned in the
 * {@link PollResult}, and retried at the next round; the validators are then not updated, so the next round reads
 * the whole feed again and publishes what was missed. They never stop the poller. Entries without text or title are
 * reported once and remembered as handled.
 *
 * <p>Not thread-safe: poll from one thread.
 */
public final class FeedPoller implements AutoCloseable {

    /** The default time between the starts of two rounds. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);
    /** The default number of entry keys remembered per feed. */
    public static final int DEFAULT_MAX_KEYS_PER_FEED = 10_000;
    /** The name of the lock file in the state directory. */
    public static final String LOCK_FILE = ".lock";

    private static final Logger LOG = LoggerFactory.getLogger(FeedPoller.class);

    private final List<URI> feeds;
    private final Duration interval;
    private final Path stateDir;
    private final IngestOptions options;
    private final Sleeper sleeper;
    private final Consumer<PollResult> roundListener;
    private final SingleFeedPoll singleFeedPoll;
    private final FeedStateDirectoryLock lock;
    private boolean closed;

    /**
     * A poller with the default HTTP client, timeouts and bound on remembered keys, waiting with
     * {@link Sleeper#THREAD_SLEEP}; see {@link #builder} for the rest.
     *
     * @param feeds    http(s) URLs of RSS or Atom feeds; duplicates are polled once
     * @param interval the time between the starts of two rounds of {@link #run}
     * @param stateDir where the state of each feed is kept (created if missing), e.g. {@link #defaultStateDir()}
     * @param options  the clock (ingestion times, and the time a round took), where problems are reported, the
     *                 largest feed accepted
     * @param sink     receives every new item, e.g. a {@link NewsPublisher}
     * @throws IllegalArgumentException when a feed is not an absolute http(s) URL, there is no feed, or the
     *                                  interval is not positive
     * @throws IllegalStateException    when another poller uses the state directory
     * @throws UncheckedIOException     when the state directory cannot be created or locked
     */
    public FeedPoller(List<URI> feeds, Duration interval, Path stateDir, IngestOptions options,
                      Consumer<NewsItem> sink) {
        this(builder(feeds, stateDir, sink).interval(interval).options(options));
    }

    private FeedPoller(Builder b) {
        this.feeds = checkedFeeds(b.feeds);
        this.interval = b.interval;
        this.stateDir = b.stateDir;
        this.options = b.options;
        this.sleeper = b.sleeper;
        this.roundListener = b.roundListener;
        HttpClient client = b.httpClient != null ? b.httpClient : FeedFetcher.newClient(FeedFetcher.DEFAULT_CONNECT_TIMEOUT);
        FeedFetcher fetcher = new FeedFetcher(client, b.requestTimeout, options.maxFeedBytes(),
                ProducerVersion.userAgent());
        this.singleFeedPoll = new SingleFeedPoll(fetcher, new FeedStateStore(stateDir, b.maxKeysPerFeed), options,
                b.sink, b.deliveryCheck);
        this.lock = FeedStateDirectoryLock.acquire(stateDir);
    }

    /** A builder for a poller of {@code feeds} keeping its state in {@code stateDir}, publishing to {@code sink}. */
    public static Builder builder(List<URI> feeds, Path stateDir, Consumer<NewsItem> sink) {
        return new Builder(feeds, stateDir, sink);
    }

    /** {@code ~/.policy-radar/feeds}: where feed state is kept unless the caller says otherwise. */
    public static Path defaultStateDir() {
        return Path.of(System.getProperty("user.home"), ".policy-radar", "feeds");
    }

    /** The feeds polled, in order, without duplicates. */
    public List<URI> feeds() {
        return feeds;
    }

    public Duration interval() {
        return interval;
    }

    public Path stateDir() {
        return stateDir;
    }

    /** One round: every feed polled once, in order. Failures are reported and returned, never thrown. */
    public PollResult pollOnce() {
        requireOpen();
        List<PollResult.FeedOutcome> outcomes = new ArrayList<>();
        for (URI feed : feeds) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            try {
                outcomes.add(singleFeedPoll.poll(feed));
            } catch (RuntimeException e) {
                // a bug or an odd document must not stop the other feeds, nor the next round
                LOG.warn("unexpected error polling {}", feed, e);
                outcomes.add(singleFeedPoll.failed(feed, "unexpected error: " + e, 0, 0));
            }
        }
        return new PollResult(outcomes);
    }

    /**
     * Polls every interval while {@code keepGoing} says so: a round, then a wait for what is left of the interval
     * (measured with the options' clock), and so on; {@code keepGoing} is asked before every round and before every
     * wait, so a caller can stop after a round without waiting. Each round's result goes to the round listener (by
     * default: logged).
     *
     * @throws InterruptedException when the thread is interrupted; the state of every feed polled is saved
     */
    public void run(BooleanSupplier keepGoing) throws InterruptedException {
        Objects.requireNonNull(keepGoing, "keepGoing");
        Clock clock = options.clock();
        while (keepGoing.getAsBoolean()) {
            Instant start = clock.instant();
            PollResult result = pollOnce();
            roundListener.accept(result);
            if (Thread.interrupted()) {
                throw new InterruptedException("feed polling interrupted");
            }
            if (!keepGoing.getAsBoolean()) {
                return;
            }
            Duration left = interval.minus(Duration.between(start, clock.instant()));
            sleeper.sleep(left.isNegative() ? Duration.ZERO : left);
        }
    }

    /** Releases the state directory. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        lock.close();
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the feed poller is closed");
        }
    }

    private static List<URI> checkedFeeds(List<URI> feeds) {
        Objects.requireNonNull(feeds, "feeds");
        if (feeds.isEmpty()) {
            throw new IllegalArgumentException("no feed to poll");
        }
        LinkedHashSet<URI> distinct = new LinkedHashSet<>();
        for (URI feed : feeds) {
            Objects.requireNonNull(feed, "feed");
            String scheme = feed.getScheme() == null ? "" : feed.getScheme().toLowerCase(Locale.ROOT);
            if (!feed.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || feed.getHost() == null) {
                throw new IllegalArgumentException("not an http(s) feed URL: " + feed);
            }
            distinct.add(feed);
        }
        return List.copyOf(distinct);
    }

    /** Builds a {@link FeedPoller}; every setting but the feeds, the state directory and the sink has a default. */
    public static final class Builder {
        private final List<URI> feeds;
        private final Path stateDir;
        private final Consumer<NewsItem> sink;
        private Duration interval = DEFAULT_INTERVAL;
        private IngestOptions options = IngestOptions.defaults();
        private Sleeper sleeper = Sleeper.THREAD_SLEEP;
        private Consumer<PollResult> roundListener = result -> LOG.info("feed poll: {}", result);
        private BooleanSupplier deliveryCheck = () -> true;
        private HttpClient httpClient;
        private Duration requestTimeout = FeedFetcher.DEFAULT_REQUEST_TIMEOUT;
        private int maxKeysPerFeed = DEFAULT_MAX_KEYS_PER_FEED;

        private Builder(List<URI> feeds, Path stateDir, Consumer<NewsItem> sink) {
            this.feeds = Objects.requireNonNull(feeds, "feeds");
            this.stateDir = Objects.requireNonNull(stateDir, "stateDir");
            this.sink = Objects.requireNonNull(sink, "sink");
        }

        /** The time between the starts of two rounds of {@link FeedPoller#run}; default 5 minutes. */
        public Builder interval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("poll interval must be positive, was " + interval);
            }
            this.interval = interval;
            return this;
        }

        /** The clock, the reporter of problems and the largest feed accepted; default {@link IngestOptions#defaults()}. */
        public Builder options(IngestOptions options) {
            this.options = Objects.requireNonNull(options, "options");
            return this;
        }

        /** How to wait between rounds; default {@link Sleeper#THREAD_SLEEP}. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** Told the result of every round of {@link FeedPoller#run}; default: logged at INFO. */
        public Builder roundListener(Consumer<PollResult> roundListener) {
            this.roundListener = Objects.requireNonNull(roundListener, "roundListener");
            return this;
        }

        /**
         * Asked after a feed's new items were handed to the sink and before they are remembered as handled: true
         * when every item handed over since it was last asked has been delivered. When it says false, the items of
         * that poll are not remembered and the feed is read whole at the next round, so nothing is lost when the
         * sink fails later than {@code accept} (e.g. {@link NewsPublisher#flushAndConfirm()}). Default: always true.
         */
        public Builder deliveryCheck(BooleanSupplier deliveryCheck) {
            this.deliveryCheck = Objects.requireNonNull(deliveryCheck, "deliveryCheck");
            return this;
        }

        /**
         * The HTTP client; default: one that follows redirects (never https to http), uses the JVM's proxy settings
         * and gives up connecting after 10 s.
         */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
            return this;
        }

        /** The deadline of one feed's whole exchange, body included; default 30 s. */
        public Builder requestTimeout(Duration requestTimeout) {
            Objects.requireNonNull(requestTimeout, "requestTimeout");
            if (requestTimeout.isNegative() || requestTimeout.isZero()) {
                throw new IllegalArgumentException("request timeout must be positive, was " + requestTimeout);
            }
            this.requestTimeout = requestTimeout;
            return this;
        }

        /** How many entry keys are remembered per feed; default {@value FeedPoller#DEFAULT_MAX_KEYS_PER_FEED}. */
        public Builder maxKeysPerFeed(int maxKeysPerFeed) {
            if (maxKeysPerFeed < 1) {
                throw new IllegalArgumentException("must remember at least 1 key per feed, was " + maxKeysPerFeed);
            }
            this.maxKeysPerFeed = maxKeysPerFeed;
            return this;
        }

        public FeedPoller build() {
            return new FeedPoller(this);
        }
    }
}
