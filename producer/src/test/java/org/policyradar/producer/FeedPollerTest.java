package org.policyradar.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.policyradar.producer.TestFeeds.feed;
import static org.policyradar.producer.TestNews.FIXED_CLOCK;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.avro.NewsItem;
import org.policyradar.producer.PollResult.FeedOutcome;
import org.policyradar.producer.PollResult.Status;

/** Polling feeds from a real local HTTP server: conditional requests, de-duplication across restarts, failures. */
class FeedPollerTest {

    private static final String FIRST_ETAG = "\"first\"";
    private static final String FIRST_MODIFIED = "Wed, 05 Feb 2025 12:00:00 GMT";
    private static final String SECOND_ETAG = "\"second\"";
    private static final String SECOND_MODIFIED = "Thu, 06 Feb 2025 09:30:00 GMT";

    @TempDir
    Path stateDir;

    private final TestFeeds.FeedServer server = new TestFeeds.FeedServer();
    private final List<NewsItem> items = new ArrayList<>();
    private final List<BadLine> reports = new ArrayList<>();
    private final List<FeedPoller> pollers = new ArrayList<>();

    @AfterEach
    void stop() {
        pollers.forEach(FeedPoller::close);
        server.close();
    }

    private IngestOptions options() {
        return IngestOptions.builder().clock(FIXED_CLOCK).reporter(reports::add).build();
    }

    private FeedPoller poller(URI... feeds) {
        FeedPoller poller = new FeedPoller(List.of(feeds), Duration.ofMinutes(5), stateDir, options(), items::add);
        pollers.add(poller);
        return poller;
    }

    private FeedPoller.Builder builder(Consumer<NewsItem> sink, URI... feeds) {
        return FeedPoller.builder(List.of(feeds), stateDir, sink).options(options());
    }

    private FeedPoller started(FeedPoller.Builder builder) {
        FeedPoller poller = builder.build();
        pollers.add(poller);
        return poller;
    }

    private List<String> guidsPublished() {
        return items.stream().map(item -> item.getAttributes().getOrDefault("guid", item.getUrl())).toList();
    }

    @Test
    void shouldPublishEveryEntryOnTheFirstPoll() {
        server.serving(feed("poll-first.rss"), FIRST_ETAG, FIRST_MODIFIED);

        PollResult result = poller(server.feedUri()).pollOnce();

        assertThat(result.feeds()).containsExactly(
                new FeedOutcome(server.feedUri(), Status.FETCHED, 3, 3, 0, 0, null));
        assertThat(guidsPublished()).containsExactly("statehouse-1", "statehouse-2", "https://statehouse.example/a/3");
        assertThat(items).allSatisfy(item -> {
            assertThat(item.getSource()).isEqualTo("Statehouse Watch");
            assertThat(item.getAttributes()).containsEntry("feed", server.feedUri().toString());
        });
        assertThat(server.lastRequest()).isEqualTo(new TestFeeds.Request("/feed", null, null, ProducerVersion.userAgent()));
        assertThat(ProducerVersion.userAgent()).startsWith("policy-radar/").doesNotContain("${");
        assertThat(reports).isEmpty();
    }

    @Test
    void shouldSendTheValidatorsAndPublishNothingWhenNotModified() {
        server.serving(feed("poll-first.rss"), FIRST_ETAG, FIRST_MODIFIED);
        FeedPoller poller = poller(server.feedUri());
        poller.pollOnce();

        PollResult second = poller.pollOnce();

        assertThat(server.lastRequest().ifNoneMatch()).isEqualTo(FIRST_ETAG);
        assertThat(server.lastRequest().ifModifiedSince()).isEqualTo(FIRST_MODIFIED);
        assertThat(second.feeds()).containsExactly(
                new FeedOutcome(server.feedUri(), Status.NOT_MODIFIED, 0, 0, 0, 0, null));
        assertThat(items).hasSize(3);
    }

    @Test
    void shouldPublishOnlyTheNewEntriesWhenTheFeedGrows() {
        server.serving(feed("poll-first.rss"), FIRST_ETAG, FIRST_MODIFIED);
        FeedPoller poller = poller(server.feedUri());
        poller.pollOnce();
        items.clear();
        server.serving(feed("poll-second.rss"), SECOND_ETAG, SECOND_MODIFIED);

        PollResult result = poller.pollOnce();

        assertThat(result.feeds()).containsExactly(
                new FeedOutcome(server.feedUri(), Status.FETCHED, 5, 2, 3, 0, null));
        assertThat(guidsPublished()).containsExactly("statehouse-5", "statehouse-4");
        assertThat(poller.pollOnce().feeds().get(0).status()).isEqualTo(Status.NOT_MODIFIED);
        assertThat(server.lastRequest().ifNoneMatch()).isEqualTo(SECOND_ETAG);
    }

    @Test
    void shouldPublishNothingAlreadySeenAfterARestart() {
        // a server that ignores validators makes the restarted poller rely on the keys it kept
        server.serving(feed("poll-first.rss"), FIRST_ETAG, FIRST_MODIFIED).honouringValidators(false);
        FeedPoller first = poller(server.feedUri());
        first.pollOnce();
        first.close();
        items.clear();

        FeedPoller restarted = poller(server.feedUri());
        PollResult sameContent = restarted.pollOnce();
        server.serving(feed("poll-second.rss"), SECOND_ETAG, SECOND_MODIFIED);
        PollResult grown = restarted.pollOnce();

        assertThat(server.requests().get(1).ifNoneMatch()).isEqualTo(FIRST_ETAG);
        assertThat(sameContent.feeds()).containsExactly(
                new FeedOutcome(server.feedUri(), Status.FETCHED, 3, 0, 3, 0, null));
        assertThat(grown.published()).isEqualTo(2);
        assertThat(guidsPublished()).containsExactly("statehouse-5", "statehouse-4");
    }

    @Test
    void shouldSendTheStoredValidatorsAfterARestart() {
        server.serving(feed("poll-first.rss"), FIRST_ETAG, FIRST_MODIFIED);
        poller(server.feedUri()).pollOnce();
        pollers.remove(0).close();

        PollResult result = poller(server.feedUri()).pollOnce();

        assertThat(server.lastRequest().ifNoneMatch()).isEqualTo(FIRST_ETAG);
        assertThat(server.lastRequest().ifModifiedSince()).isEqualTo(FIRST_MODIFIED);
        assertThat(result.count(Status.NOT_MODIFIED)).isEqualTo(1);
        assertThat(items).hasSize(3);
    }

    @Test
    void shouldReportAServerErrorAndRecoverAtTheNextPoll() {
        server.failingWith(500);
        FeedPoller poller = poller(server.feedUri());

        PollResult failed = poller.pollOnce();
        server.serving(feed("poll-first.rss"), FIRST_ETAG, FIRST_MODIFIED);
        PollResult recovered = poller.pollOnce();

        String reason = "HTTP 500 from " + server.feedUri();
        assertThat(failed.feeds()).containsExactly(new FeedOutcome(server.feedUri(), Status.FAILED, 0, 0, 0, 0, reason));
        assertThat(reports).containsExactly(new BadLine(server.feedUri().toString(), BadLine.NO_LINE,
                reason + " (will retry at the next poll)"));
        assertThat(recovered.published()).isEqualTo(3);
    }

    @Test
    void shouldReportAMalformedFeedAndRecoverAtTheNextPoll() {
        server.serving(feed("truncated.xml"), "\"broken\"", null);
        FeedPoller poller = poller(server.feedUri());

        PollResult failed = poller.pollOnce();
        server.serving(feed("poll-first.rss"), FIRST_ETAG, FIRST_MODIFIED);
        PollResult recovered = poller.pollOnce();

        assertThat(failed.feeds().get(0).status()).isEqualTo(Status.FAILED);
        assertThat(failed.feeds().get(0).reason()).startsWith("not a readable RSS or Atom feed: Invalid XML");
        assertThat(reports).singleElement().satisfies(report -> {
            assertThat(report.input()).isEqualTo(server.feedUri().toString());
            assertThat(report.reason()).startsWith("not a readable RSS or Atom feed");
        });
        // the broken answer's ETag was not kept, so the next request was not conditional
        assertThat(server.lastRequest().ifNoneMatch()).isNull();
        assertThat(recovered.published()).isEqualTo(3);
    }

    @Test
    void shouldReportANetworkErrorAndStillPollTheOtherFeeds() {
        TestFeeds.FeedServer gone = new TestFeeds.FeedServer();
        URI unreachable = gone.feedUri();
        gone.close();
        server.serving(feed("poll-first.rss"), FIRST_ETAG, FIRST_MODIFIED);

        PollResult result = poller(unreachable, server.feedUri()).pollOnce();

        assertThat(result.feeds()).extracting(FeedOutcome::feed, FeedOutcome::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(unreachable, Status.FAILED),
                org.assertj.core.groups.Tuple.tuple(server.feedUri(), Status.FETCHED));
        assertThat(result.feeds().get(0).reason()).startsWith("connection failed");
        assertThat(reports).singleElement().extracting(BadLine::input).isEqualTo(unreachable.toString());
        assertThat(items).hasSize(3);
    }

    @Test
    void shouldNotReadALocalFileThroughAnExternalEntity() throws Exception {
        Path secret = Files.writeString(Files.createTempDirectory(stateDir, "private").resolve("secret.txt"),
                "TOP-SECRET-4711");
        server.serving(TestFeeds.xxeFeedReading(secret.toUri()), "\"x\"", null);

        PollResult result = poller(server.feedUri()).pollOnce();

        assertThat(result.feeds().get(0).status()).isEqualTo(Status.FAILED);
        assertThat(result.feeds().get(0).reason()).contains("DOCTYPE");
        assertThat(items).isEmpty();
        assertThat(reports).allSatisfy(report -> assertThat(report.reason()).doesNotContain("TOP-SECRET"));
    }

    @Test
    void shouldFollowRedirects() {
        server.serving(feed("poll-first.rss"), FIRST_ETAG, FIRST_MODIFIED);

        PollResult result = poller(server.uri("/moved")).pollOnce();

        assertThat(result.published()).isEqualTo(3);
        assertThat(server.requests()).extracting(TestFeeds.Request::path).containsExactly("/moved", "/feed");
    }

    @Test
    void shouldRetryWhatTheSinkRefusedAtTheNextPoll() {
        server.serving(feed("poll-first.rss"), FIRST_ETAG, FIRST_MODIFIED);
        AtomicInteger calls = new AtomicInteger();
        FeedPoller poller = started(builder(item -> {
            if (calls.incrementAndGet() == 2) {
                throw new IllegalStateException("producer closed");
            }
            items.add(item);
        }, server.feedUri()));

        PollResult failed = poller.pollOnce();
        PollResult retried = poller.pollOnce();

        assertThat(failed.feeds().get(0)).satisfies(outcome -> {
            assertThat(outcome.status()).isEqualTo(Status.FAILED);
            assertThat(outcome.published()).isEqualTo(1);
            assertThat(outcome.reason()).isEqualTo("the sink refused an item: java.lang.IllegalStateException: producer closed");
        });
        // the validators of the interrupted read were not kept: the whole feed was asked for again
        assertThat(server.lastRequest().ifNoneMatch()).isNull();
        assertThat(retried.feeds()).containsExactly(new FeedOutcome(server.feedUri(), Status.FETCHED, 3, 2, 1, 0, null));
        assertThat(guidsPublished()).containsExactly("statehouse-1", "statehouse-2", "https://statehouse.example/a/3");
    }

    @Test
    void shouldSendAgainWhatTheSinkCouldNotConfirmAsDelivered() {
        server.serving(feed("poll-first.rss"), FIRST_ETAG, FIRST_MODIFIED);
        AtomicInteger checks = new AtomicInteger();
        FeedPoller poller = started(builder(items::add, server.feedUri())
                .deliveryCheck(() -> checks.incrementAndGet() > 1));

        PollResult unconfirmed = poller.pollOnce();
        PollResult resent = poller.pollOnce();

        assertThat(unconfirmed.feeds().get(0).status()).isEqualTo(Status.FAILED);
        assertThat(unconfirmed.feeds().get(0).reason())
                .isEqualTo("the sink did not confirm delivery of the 3 items of this poll");
        assertThat(server.lastRequest().ifNoneMatch()).isNull();
        assertThat(resent.feeds()).containsExactly(new FeedOutcome(server.feedUri(), Status.FETCHED, 3, 3, 0, 0, null));
        assertThat(items).hasSize(6);
        assertThat(poller.pollOnce().count(Status.NOT_MODIFIED)).isEqualTo(1);
    }

    @Test
    void shouldGiveUpOnAFeedLargerThanTheLimit() {
        server.serving(feed("poll-first.rss"), FIRST_ETAG, FIRST_MODIFIED);
        FeedPoller poller = started(FeedPoller.builder(List.of(server.feedUri()), stateDir, items::add)
                .options(IngestOptions.builder().clock(FIXED_CLOCK).reporter(reports::add).maxFeedBytes(200).build()));

        PollResult result = poller.pollOnce();

        assertThat(result.feeds()).containsExactly(new FeedOutcome(server.feedUri(), Status.FAILED, 0, 0, 0, 0,
                "feed is larger than 200 bytes"));
    }

    @Test
    void shouldGiveUpOnAServerThatDoesNotAnswerInTime() {
        FeedPoller poller = started(builder(items::add, server.uri("/slow")).requestTimeout(Duration.ofMillis(300)));

        PollResult result = poller.pollOnce();

        assertThat(result.feeds().get(0).status()).isEqualTo(Status.FAILED);
        // the client's own request timeout or the deadline on the whole exchange, whichever notices first
        assertThat(result.feeds().get(0).reason()).isIn("request timed out", "no complete answer within 300 ms");
    }

    @Test
    void shouldReportAnEntryWithNothingToReadOnce() {
        server.serving(TestFeeds.rssWithItems("Odd Feed",
                "<item><guid>odd-1</guid></item>",
                "<item><guid>odd-2</guid><title>Fine</title></item>"), null, null);
        FeedPoller poller = poller(server.feedUri());

        PollResult first = poller.pollOnce();
        PollResult second = poller.pollOnce();

        assertThat(first.feeds()).containsExactly(new FeedOutcome(server.feedUri(), Status.FETCHED, 2, 1, 0, 1, null));
        assertThat(second.feeds()).containsExactly(new FeedOutcome(server.feedUri(), Status.FETCHED, 2, 0, 2, 0, null));
        assertThat(reports).singleElement().extracting(BadLine::reason).asString().startsWith("entry 1 (guid odd-1): no text");
    }

    @Test
    void shouldPollEveryIntervalUntilToldToStop() throws InterruptedException {
        server.serving(feed("poll-first.rss"), FIRST_ETAG, FIRST_MODIFIED);
        List<Duration> waits = new ArrayList<>();
        List<PollResult> rounds = new ArrayList<>();
        FeedPoller poller = started(builder(items::add, server.feedUri())
                .interval(Duration.ofMinutes(5))
                .sleeper(waits::add)
                .roundListener(rounds::add));
        AtomicInteger asked = new AtomicInteger();

        // keepGoing is asked before each round and again before each wait: three rounds, two waits
        poller.run(() -> asked.incrementAndGet() <= 5);

        assertThat(rounds).extracting(PollResult::published).containsExactly(3L, 0L, 0L);
        assertThat(rounds.get(1).count(Status.NOT_MODIFIED)).isEqualTo(1);
        assertThat(waits).containsExactly(Duration.ofMinutes(5), Duration.ofMinutes(5));
    }

    @Test
    void shouldStopWhenInterruptedWhileWaitingWithTheStateSaved() {
        server.serving(feed("poll-first.rss"), FIRST_ETAG, FIRST_MODIFIED);
        FeedPoller poller = started(builder(items::add, server.feedUri()).sleeper(duration -> {
            throw new InterruptedException("stop");
        }));

        assertThatThrownBy(() -> poller.run(() -> true)).isInstanceOf(InterruptedException.class);
        assertThat(new FeedStateStore(stateDir, 10).fileFor(server.feedUri())).exists();
    }

    @Test
    void shouldStartAfreshWhenTheStateFileIsUnreadable() throws Exception {
        Path stateFile = new FeedStateStore(stateDir, 10).fileFor(server.feedUri());
        Files.writeString(stateFile, "{ not json");
        server.serving(feed("poll-first.rss"), FIRST_ETAG, FIRST_MODIFIED);

        PollResult result = poller(server.feedUri()).pollOnce();

        assertThat(result.published()).isEqualTo(3);
        assertThat(stateFile.resolveSibling(stateFile.getFileName() + ".unreadable")).hasContent("{ not json");
        assertThat(reports).singleElement().extracting(BadLine::reason).asString()
                .contains("is not readable").contains("starting afresh");
    }

    @Test
    void shouldLetOnlyOnePollerUseAStateDirectory() {
        poller(server.feedUri());

        assertThatThrownBy(() -> poller(server.feedUri()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another feed poller is using the state directory");
    }

    @Test
    void shouldRefuseFeedsThatAreNotHttpUrls() {
        assertThatThrownBy(() -> poller(URI.create("file:///etc/passwd")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an http(s) feed URL: file:///etc/passwd");
        assertThatThrownBy(() -> new FeedPoller(List.of(), Duration.ofMinutes(5), stateDir, options(), items::add))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no feed to poll");
        assertThatThrownBy(() -> poller(URI.create("feeds/local.rss"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldDefaultToAStateDirectoryInTheHomeDirectory() {
        assertThat(FeedPoller.defaultStateDir())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".policy-radar", "feeds"));
    }
}
