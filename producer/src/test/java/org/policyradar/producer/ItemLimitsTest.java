package org.policyradar.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyradar.producer.TestFeeds.rssWithItems;
import static org.policyradar.producer.TestNews.aJsonLine;
import static org.policyradar.producer.TestNews.ingest;
import static org.policyradar.producer.TestNews.optionsRecordingInto;
import static org.policyradar.producer.TestNews.utf8Lines;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.policyradar.avro.NewsItem;
import org.policyradar.topics.NewsItemLimits;

/** Every field of an item has a size limit; an item over one is reported like a bad line and skipped. */
class ItemLimitsTest {

    private static final String BEFORE = "Good item before.";
    private static final String AFTER = "Good item after.";

    private static TestNews.Run jsonAround(Object line) {
        return ingest("wire.jsonl", utf8Lines(
                aJsonLine().with("summary", BEFORE), line, aJsonLine().with("summary", AFTER)));
    }

    private static void assertOnlyLineTwoRefused(TestNews.Run run, String reason) {
        assertThat(run.texts()).containsExactly(BEFORE, AFTER);
        assertThat(run.badLines).containsExactly(new BadLine("wire.jsonl", 2, reason));
        assertThat(run.summary).isEqualTo(new IngestSummary(3, 2, 1, 0, false));
    }

    @Test
    void shouldReportAHeadlineOverTheLimitAsABadLine() {
        TestNews.Run run = jsonAround(aJsonLine().with("headline", "h".repeat(NewsItemLimits.MAX_HEADLINE_CHARS + 1)));

        assertOnlyLineTwoRefused(run, "headline is 1001 characters long, more than the limit of 1000");
        assertThat(run.badLines.get(0)).hasToString(
                "wire.jsonl:2: headline is 1001 characters long, more than the limit of 1000");
    }

    @Test
    void shouldAcceptEveryFieldAtExactlyItsLimit() {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (int i = 0; i < NewsItemLimits.MAX_ATTRIBUTES - 1; i++) {
            attributes.put("a" + i, "v");
        }
        TestNews.Run run = ingest("wire.jsonl", utf8Lines(aJsonLine()
                .with("headline", "h".repeat(NewsItemLimits.MAX_HEADLINE_CHARS))
                .with("url", "https://example.org/" + "u".repeat(NewsItemLimits.MAX_URL_CHARS - 20))
                .with("source", "s".repeat(NewsItemLimits.MAX_SOURCE_CHARS))
                .with("id", "i".repeat(NewsItemLimits.MAX_ID_CHARS))
                .with("extra", "x".repeat(NewsItemLimits.MAX_ATTRIBUTE_VALUE_CHARS))
                .with("more", attributes)));

        assertThat(run.badLines).isEmpty();
        NewsItem item = run.onlyItem();
        assertThat(item.getHeadline()).hasSize(NewsItemLimits.MAX_HEADLINE_CHARS);
        assertThat(item.getUrl()).hasSize(NewsItemLimits.MAX_URL_CHARS);
        assertThat(item.getSource()).hasSize(NewsItemLimits.MAX_SOURCE_CHARS);
        assertThat(item.getId()).hasSize(NewsItemLimits.MAX_ID_CHARS);
    }

    @Test
    void shouldReportAUrlSourceOrIdOverTheLimit() {
        TestNews.Run run = ingest("wire.jsonl", utf8Lines(
                aJsonLine().with("url", "https://example.org/" + "u".repeat(NewsItemLimits.MAX_URL_CHARS)),
                aJsonLine().with("source", "s".repeat(NewsItemLimits.MAX_SOURCE_CHARS + 1)),
                aJsonLine().with("id", "i".repeat(NewsItemLimits.MAX_ID_CHARS + 1)),
                aJsonLine().with("language", "x".repeat(NewsItemLimits.MAX_LANGUAGE_CHARS + 1)),
                aJsonLine().with("summary", AFTER)));

        assertThat(run.texts()).containsExactly(AFTER);
        assertThat(run.badLines).containsExactly(
                new BadLine("wire.jsonl", 1, "url is 2068 characters long, more than the limit of 2048"),
                new BadLine("wire.jsonl", 2, "source is 201 characters long, more than the limit of 200"),
                new BadLine("wire.jsonl", 3, "id is 201 characters long, more than the limit of 200"),
                new BadLine("wire.jsonl", 4, "language is 36 characters long, more than the limit of 35"));
    }

    @Test
    void shouldReportTooManyAttributes() {
        TestNews.JsonLine line = aJsonLine();
        for (int i = 0; i <= NewsItemLimits.MAX_ATTRIBUTES; i++) {
            line.with("field" + i, i);
        }

        assertOnlyLineTwoRefused(jsonAround(line), "too many attributes: 65, more than the limit of 64");
    }

    @Test
    void shouldReportAnAttributeValueOrNameOverTheLimit() {
        TestNews.Run run = ingest("wire.jsonl", utf8Lines(
                aJsonLine().with("notes", "n".repeat(NewsItemLimits.MAX_ATTRIBUTE_VALUE_CHARS + 1)),
                aJsonLine().with("k".repeat(NewsItemLimits.MAX_ATTRIBUTE_NAME_CHARS + 1), "v"),
                aJsonLine().with("summary", AFTER)));

        assertThat(run.texts()).containsExactly(AFTER);
        assertThat(run.badLines).containsExactly(
                new BadLine("wire.jsonl", 1,
                        "attribute \"notes\" is 4097 characters long, more than the limit of 4096"),
                new BadLine("wire.jsonl", 2, "attribute name is 129 characters long, more than the limit of 128"));
    }

    @Test
    void shouldReportAttributesOverTheTotalLimitEvenWhenEachIsWithinItsOwn() {
        TestNews.JsonLine line = aJsonLine();
        for (int i = 0; i < 5; i++) {
            line.with("part" + i, "p".repeat(NewsItemLimits.MAX_ATTRIBUTE_VALUE_CHARS - 10));
        }

        assertOnlyLineTwoRefused(jsonAround(line),
                "attributes are 20455 characters in all, more than the limit of 8000");
    }

    @Test
    void shouldMakeAStrictRunUnsuccessfulForAnItemOverALimit() {
        TestNews.Run run = new TestNews.Run();
        run.ingest(new NewsIngestor(optionsRecordingInto(run).strict(true).build()), "wire.jsonl",
                utf8Lines(aJsonLine().with("headline", "h".repeat(NewsItemLimits.MAX_HEADLINE_CHARS + 1))));

        assertThat(run.items).isEmpty();
        assertThat(run.summary.successful()).isFalse();
    }

    @Test
    void shouldReportAFeedEntryWithA700KilobyteTitleAndPublishTheNextEntry() {
        String hugeTitle = "Huge ".repeat(140 * 1024);
        byte[] feed = rssWithItems("Civic Wire",
                "<item><guid>huge-1</guid><title>" + hugeTitle + "</title><description>A short description."
                        + "</description></item>",
                "<item><guid>next-2</guid><title>County ends jail contract</title><description>The county board "
                        + "voted to end the contract.</description></item>");
        assertThat(feed.length).isGreaterThan(700 * 1024);

        TestNews.Run run = ingest("wire.rss", feed);

        assertThat(run.onlyItem().getHeadline()).isEqualTo("County ends jail contract");
        assertThat(run.badLines).singleElement().satisfies(bad -> {
            assertThat(bad.input()).isEqualTo("wire.rss");
            assertThat(bad.reason()).isEqualTo("entry 1 (guid huge-1): headline is 716799 characters long, "
                    + "more than the limit of 1000");
        });
        assertThat(run.summary).isEqualTo(new IngestSummary(2, 1, 1, 0, false));
    }

    @Test
    void shouldReportAFeedEntryWhoseTextIsOverTheLimit() {
        byte[] feed = rssWithItems("Civic Wire",
                "<item><guid>long-1</guid><title>A long one</title><description>" + "word ".repeat(20_000)
                        + "</description></item>");

        TestNews.Run run = ingest("wire.rss", feed);

        assertThat(run.items).isEmpty();
        assertThat(run.badLines).singleElement().extracting(BadLine::reason)
                .isEqualTo("entry 1 (guid long-1): text is 99999 characters long, more than the limit of 16000");
        assertThat(new String(feed, StandardCharsets.UTF_8)).contains("word word");
    }
}
