package org.policyradar.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyradar.producer.TestFeeds.feed;
import static org.policyradar.producer.TestNews.optionsRecordingInto;
import static org.policyradar.producer.TestNews.utf8Lines;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.avro.NewsItem;

/** Feed documents given to {@link NewsIngestor}: as files, as streams, as URLs, and how they are recognised. */
class FeedInputsTest {

    @TempDir
    Path dir;

    private final TestNews.Run run = new TestNews.Run();
    private final NewsIngestor ingestor = new NewsIngestor(optionsRecordingInto(run).build());

    @Test
    void shouldTellAFeedFromTheExtension() {
        assertThat(InputFormat.fromFileName("wire.xml")).isEqualTo(InputFormat.FEED);
        assertThat(InputFormat.fromFileName("WIRE.RSS")).isEqualTo(InputFormat.FEED);
        assertThat(InputFormat.fromFileName("bulletin.atom")).isEqualTo(InputFormat.FEED);
    }

    @Test
    void shouldTellAFeedFromTheFirstNonBlankLine() {
        assertThat(InputFormat.fromFirstLine("<?xml version=\"1.0\"?>")).isEqualTo(InputFormat.FEED);
        assertThat(InputFormat.fromFirstLine("  <rss version=\"2.0\">")).isEqualTo(InputFormat.FEED);
        assertThat(InputFormat.fromFirstLine("<feed xmlns=\"http://www.w3.org/2005/Atom\">")).isEqualTo(InputFormat.FEED);
        assertThat(InputFormat.fromFirstLine("\uFEFF<rdf:RDF>")).isEqualTo(InputFormat.FEED);
        assertThat(InputFormat.fromFirstLine("<b>Council</b> votes on a detainer rule")).isEqualTo(InputFormat.TEXT);
        assertThat(InputFormat.fromFirstLine("{\"summary\": \"x\"}")).isEqualTo(InputFormat.JSONL);
    }

    @Test
    void shouldReadAFeedFileAmongOtherInputs() throws IOException {
        Path feedFile = Files.write(dir.resolve("wire.xml"), feed("civic-wire.rss"));
        Path text = Files.write(dir.resolve("notes.txt"), utf8Lines("A plain text item."));

        IngestSummary summary = ingestor.ingest(List.of(feedFile.toString(), text.toString()), run.items::add);

        assertThat(summary).isEqualTo(new IngestSummary(5, 5, 0, 0, false));
        assertThat(run.items).extracting(NewsItem::getSource).containsExactly(
                "Civic Wire & Policy Desk", "Civic Wire & Policy Desk", "Civic Wire & Policy Desk",
                "Civic Wire & Policy Desk", "notes.txt");
        assertThat(run.items.get(0).getAttributes()).containsEntry("feed", "wire.xml");
    }

    @Test
    void shouldRecogniseAFeedByItsContentWhenTheNameSaysNothing() {
        byte[] withBlankLinesFirst = TestNews.bytes(TestNews.bytes(0xEF, 0xBB, 0xBF), utf8Lines("", "  "),
                feed("county-bulletin.atom"));

        run.ingest(ingestor, "download", withBlankLinesFirst);

        assertThat(run.summary).isEqualTo(new IngestSummary(3, 3, 0, 0, false));
        assertThat(run.items.get(0).getHeadline()).isEqualTo("Sheriff will not honor civil detainers");
    }

    @Test
    void shouldReadAFeedWhenTheFormatIsForced() {
        NewsIngestor forced = new NewsIngestor(optionsRecordingInto(run).format(InputFormat.FEED).build());

        run.ingest(forced, "saved-feed.txt", feed("civic-wire.rss"));

        assertThat(run.summary.published()).isEqualTo(4);
    }

    @Test
    void shouldReportAnUnreadableFeedAsOneBadInputAndGoOn() throws IOException {
        Path broken = Files.write(dir.resolve("broken.xml"), feed("truncated.xml"));
        Path text = Files.write(dir.resolve("notes.txt"), utf8Lines("Still read."));

        IngestSummary summary = ingestor.ingest(List.of(broken.toString(), text.toString()), run.items::add);

        assertThat(summary).isEqualTo(new IngestSummary(2, 1, 1, 0, false));
        assertThat(run.texts()).containsExactly("Still read.");
        assertThat(run.badLines).singleElement().satisfies(bad -> {
            assertThat(bad.input()).isEqualTo(broken.toString());
            assertThat(bad.lineNumber()).isEqualTo(BadLine.NO_LINE);
            assertThat(bad.reason()).startsWith("not a readable RSS or Atom feed");
        });
    }

    @Test
    void shouldFailAStrictRunOnAnUnreadableFeed() {
        NewsIngestor strict = new NewsIngestor(optionsRecordingInto(run).strict(true).build());

        run.ingest(strict, "broken.xml", feed("truncated.xml"));

        assertThat(run.summary.successful()).isFalse();
    }

    @Test
    void shouldNotReadALocalFileThroughAnExternalEntity() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-4711");

        run.ingest(ingestor, "hostile.rss", TestFeeds.xxeFeedReading(secret.toUri()));

        assertThat(run.items).isEmpty();
        assertThat(run.badLines).singleElement().satisfies(bad -> {
            assertThat(bad.reason()).contains("DOCTYPE").doesNotContain("TOP-SECRET");
        });
    }

    @Test
    void shouldFetchAUrlInputOnce() throws IOException {
        try (TestFeeds.FeedServer server = new TestFeeds.FeedServer()) {
            server.serving(feed("civic-wire.rss"), "\"v1\"", null);
            String url = server.feedUri().toString();

            IngestSummary summary = ingestor.ingest(List.of(url), run.items::add);

            assertThat(summary.published()).isEqualTo(4);
            assertThat(run.items.get(0).getAttributes()).containsEntry("feed", url);
            assertThat(server.requests()).singleElement().satisfies(request -> {
                assertThat(request.ifNoneMatch()).isNull();
                assertThat(request.userAgent()).isEqualTo("policy-radar/" + ProducerVersion.current());
            });
        }
    }

    @Test
    void shouldReportEachUrlThatCannotBeFetchedAndGoOnWithTheOtherInputs() throws IOException {
        Path text = Files.write(dir.resolve("notes.txt"), utf8Lines("Read before the feeds."));
        try (TestFeeds.FeedServer server = new TestFeeds.FeedServer();
             TestFeeds.FeedServer failing = new TestFeeds.FeedServer()) {
            server.serving(feed("civic-wire.rss"), null, null);
            failing.failingWith(404);
            String notFound = failing.feedUri().toString();
            String movedAway = server.uri("/moved-away").toString();
            String good = server.feedUri().toString();

            IngestSummary summary = ingestor.ingest(List.of(text.toString(), notFound, movedAway, good),
                    run.items::add);

            assertThat(run.badLines).containsExactly(
                    new BadLine(notFound, BadLine.NO_LINE, "HTTP 404 from " + notFound),
                    new BadLine(movedAway, BadLine.NO_LINE, "HTTP 404 from " + server.uri("/missing")));
            assertThat(summary).isEqualTo(new IngestSummary(5, 5, 0, 0, 2, false));
            assertThat(summary.successful()).isFalse();
        }
        assertThat(run.texts()).hasSize(5).startsWith("Read before the feeds.");
    }

    @Test
    void shouldReportARedirectThatIsNotFollowed() throws IOException {
        try (TestFeeds.FeedServer server = new TestFeeds.FeedServer()) {
            String looping = server.uri("/loop").toString();

            IngestSummary summary = ingestor.ingest(List.of(looping), run.items::add);

            assertThat(run.badLines).singleElement().satisfies(bad -> {
                assertThat(bad.input()).isEqualTo(looping);
                assertThat(bad.reason()).startsWith("HTTP 302 from ").endsWith(": redirect to /loop not followed");
            });
            assertThat(summary.failedInputs()).isEqualTo(1);
        }
    }
}
