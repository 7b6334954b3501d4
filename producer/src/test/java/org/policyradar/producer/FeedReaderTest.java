package org.policyradar.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.policyradar.producer.TestFeeds.feed;
import static org.policyradar.producer.TestFeeds.rssWithItems;
import static org.policyradar.producer.TestNews.FIXED_CLOCK;
import static org.policyradar.producer.TestNews.NOW;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.avro.EventTimeSource;
import org.policyradar.avro.NewsItem;

/** Reading RSS and Atom documents into news items: the mapping of every field, ids, dates, bad and hostile input. */
class FeedReaderTest {

    private static final String RSS_SOURCE = "Civic Wire & Policy Desk";
    private static final String ATOM_SOURCE = "County Bulletin";

    private final List<NewsItem> items = new ArrayList<>();
    private final List<BadLine> badLines = new ArrayList<>();
    private final FeedReader reader = new FeedReader(options().build());

    @TempDir
    Path dir;

    private IngestOptions.Builder options() {
        return IngestOptions.builder().clock(FIXED_CLOCK).reporter(badLines::add);
    }

    private IngestSummary read(String name, byte[] document) throws IOException {
        return reader.read(name, new ByteArrayInputStream(document), items::add);
    }

    @Test
    void shouldMapEveryFieldOfAnRssItem() throws IOException {
        IngestSummary summary = read("feeds/civic-wire.rss", feed("civic-wire.rss"));

        assertThat(summary).isEqualTo(new IngestSummary(4, 4, 0, 0, false));
        NewsItem item = items.get(0);
        assertThat(item.getId()).isEqualTo(ItemIds.ofGuid(RSS_SOURCE, "civicwire-2025-0142"));
        assertThat(item.getSource()).isEqualTo(RSS_SOURCE);
        assertThat(item.getUrl()).isEqualTo("https://civicwire.example/2025/01/harbor-county-contract");
        assertThat(item.getHeadline()).isEqualTo("Harbor County board ends jail contract with federal agents");
        assertThat(item.getText()).isEqualTo("The Harbor County board voted 4\u20131 to end its jail contract with "
                + "immigration agents. Read the full resolution & the vote tally.");
        assertThat(item.getLanguage()).isEqualTo("en-us");
        assertThat(item.getPublishedAt()).isEqualTo(Instant.parse("2025-01-24T20:30:00Z"));
        assertThat(item.getEventTimeSource()).isEqualTo(EventTimeSource.PUBLISHED);
        assertThat(item.getIngestedAt()).isEqualTo(NOW);
        assertThat(item.getAttributes()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "feed", "civic-wire.rss",
                "guid", "civicwire-2025-0142",
                "author", "desk@civicwire.example (Policy Desk)",
                "categories", "[\"Local government\",\"Detainers\"]",
                "text_source", "description"));
    }

    @Test
    void shouldTakeTheTextFromTheContentWhenThereIsNoDescription() throws IOException {
        read("civic-wire.rss", feed("civic-wire.rss"));

        NewsItem item = items.get(1);
        assertThat(item.getText()).isEqualTo(
                "The federal government filed suit on Monday, saying the city's shelter rules block agents.");
        assertThat(item.getAttributes()).containsEntry("text_source", "content").containsEntry("author", "Rosa Imani")
                .doesNotContainKey("guid");
        assertThat(item.getId()).isEqualTo(ItemIds.ofUrl(RSS_SOURCE, "https://civicwire.example/2025/01/ag-sues-river-city"));
        assertThat(item.getPublishedAt()).isEqualTo(Instant.parse("2025-01-27T09:00:00Z"));
    }

    @Test
    void shouldKnowAnItemWhoseGuidIsItsLinkByTheLinkAndStampAnUndatedItemWithTheClock() throws IOException {
        read("civic-wire.rss", feed("civic-wire.rss"));

        NewsItem item = items.get(2);
        assertThat(item.getId()).isEqualTo(ItemIds.ofUrl(RSS_SOURCE, "https://civicwire.example/2025/01/district-visitor-rule"));
        assertThat(item.getAttributes()).doesNotContainKey("guid");
        assertThat(item.getPublishedAt()).isEqualTo(NOW);
        assertThat(item.getEventTimeSource()).isEqualTo(EventTimeSource.INGESTED);
    }

    @Test
    void shouldUseTheTitleAsTextWhenAnItemHasNoOther() throws IOException {
        read("civic-wire.rss", feed("civic-wire.rss"));

        NewsItem item = items.get(3);
        assertThat(item.getText()).isEqualTo("Governor signs order on state police cooperation");
        assertThat(item.getHeadline()).isEqualTo(item.getText());
        assertThat(item.getAttributes()).containsEntry("text_source", "title");
    }

    @Test
    void shouldMapEveryFieldOfAnAtomEntry() throws IOException {
        IngestSummary summary = read("county-bulletin.atom", feed("county-bulletin.atom"));

        assertThat(summary.published()).isEqualTo(3);
        NewsItem item = items.get(0);
        assertThat(item.getId()).isEqualTo(ItemIds.ofGuid(ATOM_SOURCE, "tag:bulletin.county.example,2025:notice-7"));
        assertThat(item.getSource()).isEqualTo(ATOM_SOURCE);
        assertThat(item.getUrl()).isEqualTo("https://bulletin.county.example/notices/7");
        assertThat(item.getHeadline()).isEqualTo("Sheriff will not honor civil detainers");
        assertThat(item.getText()).isEqualTo("Deputies will hold people only on a judge's order, the sheriff wrote.");
        assertThat(item.getPublishedAt()).isEqualTo(Instant.parse("2025-02-01T22:00:00Z"));
        assertThat(item.getEventTimeSource()).isEqualTo(EventTimeSource.PUBLISHED);
        assertThat(item.getAttributes()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "feed", "county-bulletin.atom",
                "guid", "tag:bulletin.county.example,2025:notice-7",
                "author", "Office of the Sheriff",
                "categories", "[\"public-safety\"]",
                "text_source", "description"));
    }

    @Test
    void shouldReadXhtmlContentAndTakeTheUpdatedDateWhenThereIsNoPublishedDate() throws IOException {
        read("county-bulletin.atom", feed("county-bulletin.atom"));

        NewsItem item = items.get(1);
        assertThat(item.getText()).isEqualTo("Staff at county clinics are told to ask agents for a signed warrant.");
        assertThat(item.getAttributes()).containsEntry("text_source", "content");
        assertThat(item.getPublishedAt()).isEqualTo(Instant.parse("2025-02-02T16:30:00Z"));
        assertThat(item.getEventTimeSource()).isEqualTo(EventTimeSource.PUBLISHED);
    }

    @Test
    void shouldStampAnAtomEntryWithoutDatesOrLinkWithTheClock() throws IOException {
        read("county-bulletin.atom", feed("county-bulletin.atom"));

        NewsItem item = items.get(2);
        assertThat(item.getUrl()).isNull();
        assertThat(item.getId()).isEqualTo(ItemIds.ofGuid(ATOM_SOURCE, "tag:bulletin.county.example,2025:notice-9"));
        assertThat(item.getPublishedAt()).isEqualTo(NOW);
        assertThat(item.getEventTimeSource()).isEqualTo(EventTimeSource.INGESTED);
    }

    @Test
    void shouldGiveEveryEntryTheSameDistinctIdOnEveryRead() throws IOException {
        List<NewsItem> again = new ArrayList<>();
        new FeedReader(options().clock(java.time.Clock.systemUTC()).build())
                .read("copy/civic-wire.rss", new ByteArrayInputStream(feed("civic-wire.rss")), again::add);
        read("civic-wire.rss", feed("civic-wire.rss"));

        assertThat(items).extracting(NewsItem::getId).doesNotHaveDuplicates().allMatch(id -> id.length() == 32)
                .containsExactlyElementsOf(again.stream().map(NewsItem::getId).toList());
    }

    @Test
    void shouldCountEntriesAlreadyReadInTheSameRunAsDuplicates() throws IOException {
        read("civic-wire.rss", feed("civic-wire.rss"));

        IngestSummary second = read("civic-wire-again.rss", feed("civic-wire.rss"));

        assertThat(second).isEqualTo(new IngestSummary(4, 0, 0, 4, false));
        assertThat(items).hasSize(4);
    }

    @Test
    void shouldTakeAPermalinkGuidAsTheLinkOnlyWhenItIsAUrl() throws IOException {
        read("guids.rss", rssWithItems("Guids",
                "<item><guid>12345</guid><description>Guid that is no URL.</description></item>",
                "<item><guid>https://example.org/p/9</guid><description>Guid that is a URL.</description></item>"));

        assertThat(items.get(0).getUrl()).isNull();
        assertThat(items.get(0).getId()).isEqualTo(ItemIds.ofGuid("Guids", "12345"));
        assertThat(items.get(0).getAttributes()).containsEntry("guid", "12345");
        assertThat(items.get(1).getUrl()).isEqualTo("https://example.org/p/9");
        assertThat(items.get(1).getId()).isEqualTo(ItemIds.ofUrl("Guids", "https://example.org/p/9"));
    }

    @Test
    void shouldUseTheHostAsSourceWhenTheFeedHasNoTitle() throws IOException {
        read("https://news.example.org/rss?edition=us", rssWithItems(null,
                "<item><title>T</title><link>https://news.example.org/1</link><description>Body.</description></item>"));

        NewsItem item = items.get(0);
        assertThat(item.getSource()).isEqualTo("news.example.org");
        assertThat(item.getAttributes()).containsEntry("feed", "https://news.example.org/rss?edition=us");
        assertThat(item.getId()).isEqualTo(ItemIds.ofUrl("news.example.org", "https://news.example.org/1"));
    }

    @Test
    void shouldReportAndSkipAnEntryWithNothingToRead() throws IOException {
        IngestSummary summary = read("mixed.rss", rssWithItems("Mixed",
                "<item><title>Kept</title><description>Has text.</description></item>",
                "<item><link>https://example.org/empty</link><description>  <p> </p> </description></item>"));

        assertThat(summary).isEqualTo(new IngestSummary(2, 1, 1, 0, false));
        assertThat(items).extracting(NewsItem::getText).containsExactly("Has text.");
        assertThat(badLines).containsExactly(new BadLine("mixed.rss", BadLine.NO_LINE,
                "entry 2 (link https://example.org/empty): no text: the entry has no readable description, "
                        + "content or title"));
        assertThat(badLines.get(0).toString()).startsWith("mixed.rss: entry 2 ");
    }

    @Test
    void shouldDecodeTheCharsetTheDocumentDeclares() throws IOException {
        byte[] latin1 = ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Río</title>"
                + "<item><title>Café</title><description>Señal pública.</description></item></channel></rss>")
                .getBytes(StandardCharsets.ISO_8859_1);

        read("latin1.rss", latin1);

        assertThat(items.get(0).getSource()).isEqualTo("Río");
        assertThat(items.get(0).getText()).isEqualTo("Señal pública.");
    }

    @Test
    void shouldRefuseAMalformedDocument() {
        assertThatThrownBy(() -> read("truncated.xml", feed("truncated.xml")))
                .isInstanceOfSatisfying(FeedFormatException.class, e -> {
                    assertThat(e.input()).isEqualTo("truncated.xml");
                    assertThat(e.reason()).startsWith("not a readable RSS or Atom feed: Invalid XML");
                    assertThat(e.getMessage()).startsWith("truncated.xml: ");
                });
        assertThat(items).isEmpty();
    }

    @Test
    void shouldRefuseWellFormedXmlThatIsNoFeed() {
        byte[] page = "<?xml version=\"1.0\"?><html><body><p>Not a feed</p></body></html>".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> read("page.xml", page))
                .isInstanceOfSatisfying(FeedFormatException.class,
                        e -> assertThat(e.reason()).startsWith("not an RSS or Atom feed"));
    }

    @Test
    void shouldRefuseADocumentLargerThanTheLimit() {
        FeedReader small = new FeedReader(options().maxFeedBytes(100).build());

        assertThatThrownBy(() -> small.read("big.rss", new ByteArrayInputStream(feed("civic-wire.rss")), items::add))
                .isInstanceOfSatisfying(FeedFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo("feed is larger than 100 bytes"));
    }

    @Test
    void shouldNotReadALocalFileThroughAnExternalEntity() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-4711");
        byte[] hostile = TestFeeds.xxeFeedReading(secret.toUri());

        assertThatThrownBy(() -> read("hostile.rss", hostile))
                .isInstanceOfSatisfying(FeedFormatException.class, e -> {
                    assertThat(e.reason()).contains("DOCTYPE");
                    assertThat(e.getMessage()).doesNotContain("TOP-SECRET");
                });
        assertThat(items).isEmpty();
    }
}
