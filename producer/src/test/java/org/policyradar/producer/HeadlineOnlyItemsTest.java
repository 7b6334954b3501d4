package org.policyradar.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyradar.producer.TestFeeds.rssWithItems;
import static org.policyradar.producer.TestNews.anEmptyJsonLine;
import static org.policyradar.producer.TestNews.ingest;
import static org.policyradar.producer.TestNews.utf8Lines;

import org.junit.jupiter.api.Test;
import org.policyradar.avro.NewsItem;

/** An item with a headline and nothing else is a valid item: the headline is its text. */
class HeadlineOnlyItemsTest {

    private static final String HEADLINE = "County sheriff limits detainer requests";

    @Test
    void shouldTakeTheHeadlineAsTheTextOfAJsonLineWithOnlyAHeadline() {
        TestNews.Run run = ingest("wire.jsonl", utf8Lines(anEmptyJsonLine().with("headline", HEADLINE)));

        NewsItem item = run.onlyItem();
        assertThat(item.getHeadline()).isEqualTo(HEADLINE);
        assertThat(item.getText()).isEqualTo(HEADLINE);
        assertThat(item.getId()).isEqualTo(ItemIds.ofText(HEADLINE));
        assertThat(item.getAttributes()).containsExactly(java.util.Map.entry("text_source", "headline"));
        assertThat(run.badLines).isEmpty();
    }

    @Test
    void shouldTakeATitleAsTheTextToo() {
        TestNews.Run run = ingest("wire.jsonl", utf8Lines(
                anEmptyJsonLine().with("title", "<b>" + HEADLINE + "</b>").with("summary", "<p> </p>")));

        assertThat(run.onlyItem().getText()).isEqualTo(HEADLINE);
        assertThat(run.onlyItem().getHeadline()).isEqualTo(HEADLINE);
    }

    @Test
    void shouldKeepTheTextOfAnItemThatHasOne() {
        TestNews.Run run = ingest("wire.jsonl", utf8Lines(
                anEmptyJsonLine().with("headline", HEADLINE).with("summary", "Deputies will not hold people.")));

        assertThat(run.onlyItem().getText()).isEqualTo("Deputies will not hold people.");
        assertThat(run.onlyItem().getAttributes()).doesNotContainKey("text_source");
    }

    @Test
    void shouldPublishATitleOnlyFeedEntryWithTheTitleAsText() {
        TestNews.Run run = ingest("wire.rss", rssWithItems("Civic Wire",
                "<item><guid>t-1</guid><title>" + HEADLINE + "</title></item>"));

        assertThat(run.onlyItem().getText()).isEqualTo(HEADLINE);
        assertThat(run.onlyItem().getHeadline()).isEqualTo(HEADLINE);
        assertThat(run.onlyItem().getAttributes()).containsEntry("text_source", "title");
    }
}
