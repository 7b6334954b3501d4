package org.policyradar.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.policyradar.producer.TestNews.NOW;
import static org.policyradar.producer.TestNews.aJsonLine;
import static org.policyradar.producer.TestNews.anEmptyJsonLine;
import static org.policyradar.producer.TestNews.ingest;
import static org.policyradar.producer.TestNews.utf8Lines;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.policyradar.avro.EventTimeSource;
import org.policyradar.avro.NewsItem;

class JsonLinesInputTest {

    @Test
    void shouldReadEveryKnownField() {
        NewsItem item = ingest("feed.jsonl", utf8Lines(aJsonLine()
                .with("id", "wire-2025-0001")
                .with("source", "Example Wire")
                .with("url", "https://news.example/sheriff-detainers")
                .with("published_at", "2025-01-24T10:15:30-05:00")
                .with("language", "en"))).onlyItem();

        assertThat(item.getId()).isEqualTo("wire-2025-0001");
        assertThat(item.getSource()).isEqualTo("Example Wire");
        assertThat(item.getUrl()).isEqualTo("https://news.example/sheriff-detainers");
        assertThat(item.getHeadline()).isEqualTo("County sheriff limits detainer requests");
        assertThat(item.getText()).isEqualTo("The sheriff said deputies will not hold people for immigration agents.");
        assertThat(item.getLanguage()).isEqualTo("en");
        assertThat(item.getPublishedAt()).isEqualTo(Instant.parse("2025-01-24T15:15:30Z"));
        assertThat(item.getEventTimeSource()).isEqualTo(EventTimeSource.PUBLISHED);
        assertThat(item.getIngestedAt()).isEqualTo(NOW);
        assertThat(item.getAttributes()).isEmpty();
    }

    @Test
    void shouldAcceptTitleForHeadlineAndBodyOrTextForSummary() {
        TestNews.Run run = ingest("feed.jsonl", utf8Lines(
                anEmptyJsonLine().with("title", "Title one").with("body", "Body one"),
                anEmptyJsonLine().with("title", "Title two").with("text", "Text two")));

        assertThat(run.items).extracting(NewsItem::getHeadline).containsExactly("Title one", "Title two");
        assertThat(run.items).extracting(NewsItem::getText).containsExactly("Body one", "Text two");
        assertThat(run.items).allSatisfy(item -> assertThat(item.getAttributes()).isEmpty());
    }

    @Test
    void shouldPreferTheFirstAliasWithTextAndKeepTheOthersAsAttributes() {
        NewsItem item = ingest("feed.jsonl", utf8Lines(anEmptyJsonLine()
                .with("headline", "The headline")
                .with("title", "A title")
                .with("summary", "  ")
                .with("body", "The body")
                .with("text", "The full text"))).onlyItem();

        assertThat(item.getHeadline()).isEqualTo("The headline");
        assertThat(item.getText()).isEqualTo("The body");
        assertThat(item.getAttributes()).containsExactly(entry("title", "A title"), entry("text", "The full text"));
    }

    @Test
    void shouldKeepUnknownFieldsAsTextWithObjectsAndArraysAsCompactJson() {
        NewsItem item = ingest("feed.jsonl", utf8Lines(
                "{\"summary\":\"Text\", \"author\":\"A. Reporter\", \"tags\":[\"ice\", \"schools\"], "
                        + "\"meta\":{ \"words\": 120, \"paywall\": false }, \"score\": 1.50, \"rank\": 3, "
                        + "\"breaking\": true, \"nothing\": null}")).onlyItem();

        assertThat(item.getAttributes()).containsExactly(
                entry("author", "A. Reporter"),
                entry("tags", "[\"ice\",\"schools\"]"),
                entry("meta", "{\"words\":120,\"paywall\":false}"),
                entry("score", "1.50"),
                entry("rank", "3"),
                entry("breaking", "true"));
    }

    @Test
    void shouldUseTheFileNameAsSourceWhenTheLineNamesNone() {
        TestNews.Run run = ingest("in/wire.jsonl", utf8Lines(
                aJsonLine().with("summary", "One story"),
                aJsonLine().with("summary", "Another story").with("source", "   "),
                aJsonLine().with("summary", "A third story").with("source", null)));

        assertThat(run.items).extracting(NewsItem::getSource)
                .containsExactly("wire.jsonl", "wire.jsonl", "wire.jsonl");
    }

    @Test
    void shouldTreatNullFieldsAsAbsent() {
        NewsItem item = ingest("feed.jsonl", utf8Lines(aJsonLine()
                .with("id", null).with("url", null).with("published_at", null).with("language", null)
                .with("headline", null))).onlyItem();

        assertThat(item.getHeadline()).isNull();
        assertThat(item.getUrl()).isNull();
        assertThat(item.getLanguage()).isNull();
        assertThat(item.getEventTimeSource()).isEqualTo(EventTimeSource.INGESTED);
        assertThat(item.getId()).hasSize(ItemIds.ID_HEX_CHARS);
    }

    @Test
    void shouldAcceptAnIntegerId() {
        assertThat(ingest("feed.jsonl", utf8Lines(aJsonLine().with("id", 4711))).onlyItem().getId())
                .isEqualTo("4711");
    }

    @Test
    void shouldNormaliseHeadlineAndText() {
        NewsItem item = ingest("feed.jsonl", utf8Lines(anEmptyJsonLine()
                .with("headline", "<h1>Mayor&#39;s   memo</h1>")
                .with("summary", "<div><p>Officers must <em>not</em> assist&nbsp;ICE.</p>\n<p>It’s final.</p></div>")))
                .onlyItem();

        assertThat(item.getHeadline()).isEqualTo("Mayor's memo");
        assertThat(item.getText()).isEqualTo("Officers must not assist ICE. It’s final.");
    }

    @Test
    void shouldReadEventTimesWithOffsetsZuluAndPlainDates() {
        TestNews.Run run = ingest("feed.jsonl", utf8Lines(
                aJsonLine().with("id", "a").with("published_at", "2025-01-24T10:15:30+01:00"),
                aJsonLine().with("id", "b").with("published_at", "2025-01-24T10:15:30Z"),
                aJsonLine().with("id", "c").with("published_at", "2025-01-24"),
                aJsonLine().with("id", "d").with("published_at", "2025-01-24T10:15:30.123456Z"),
                aJsonLine().with("id", "e").with("published_at", "2025-01-24 10:15:30Z"),
                aJsonLine().with("id", "f").with("published_at", "2025-01-24T10:15:30")));

        assertThat(run.badLines).isEmpty();
        assertThat(run.items).extracting(NewsItem::getPublishedAt).containsExactly(
                Instant.parse("2025-01-24T09:15:30Z"),
                Instant.parse("2025-01-24T10:15:30Z"),
                Instant.parse("2025-01-24T00:00:00Z"),
                Instant.parse("2025-01-24T10:15:30.123Z"),
                Instant.parse("2025-01-24T10:15:30Z"),
                Instant.parse("2025-01-24T10:15:30Z"));
        assertThat(run.items).extracting(NewsItem::getEventTimeSource).containsOnly(EventTimeSource.PUBLISHED);
        assertThat(run.items).extracting(NewsItem::getIngestedAt).containsOnly(NOW);
    }

    @Test
    void shouldGiveEveryItemAnAttributesMapEvenWhenEmpty() {
        Map<String, String> attributes = ingest("feed.jsonl", utf8Lines(aJsonLine())).onlyItem().getAttributes();

        assertThat(attributes).isNotNull().isEmpty();
    }

    @Test
    void shouldKeepTheOrderOfLines() {
        TestNews.Run run = ingest("feed.jsonl", utf8Lines(
                aJsonLine().with("summary", "one"), aJsonLine().with("summary", "two"),
                aJsonLine().with("summary", "three")));

        assertThat(run.texts()).isEqualTo(List.of("one", "two", "three"));
    }
}
