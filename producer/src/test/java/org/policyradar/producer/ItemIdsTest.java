package org.policyradar.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyradar.producer.TestNews.aJsonLine;
import static org.policyradar.producer.TestNews.ingest;
import static org.policyradar.producer.TestNews.utf8Lines;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.policyradar.avro.NewsItem;

class ItemIdsTest {

    private static String sha256Prefix(String input) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hash).substring(0, 32);
    }

    @Test
    void shouldFollowTheDocumentedRecipe() throws Exception {
        assertThat(ItemIds.ofText("Deputies will not honor detainers."))
                .isEqualTo(sha256Prefix("text\nDeputies will not honor detainers."))
                .hasSize(32)
                .matches("[0-9a-f]{32}");
        assertThat(ItemIds.ofUrl("Example Wire", "https://news.example/a"))
                .isEqualTo(sha256Prefix("url\nExample Wire\nhttps://news.example/a"));
        assertThat(ItemIds.ofGuid("Example Wire", "wire-2025-17"))
                .isEqualTo(sha256Prefix("guid\nExample Wire\nwire-2025-17"));
    }

    @Test
    void shouldKeepGuidsAndUrlsApartEvenWhenTheyAreTheSameString() {
        assertThat(ItemIds.ofGuid("Example Wire", "https://news.example/a"))
                .isNotEqualTo(ItemIds.ofUrl("Example Wire", "https://news.example/a"));
    }

    @Test
    void shouldGiveTheSameTextTheSameIdOnEveryRun() {
        byte[] content = utf8Lines("The mayor signed an executive order on sanctuary rules.");

        String first = ingest("a.txt", content).onlyItem().getId();
        String second = ingest("b.txt", content).onlyItem().getId();

        assertThat(first).isEqualTo(second)
                .isEqualTo(ItemIds.ofText("The mayor signed an executive order on sanctuary rules."));
    }

    @Test
    void shouldHashTheNormalisedTextSoThatMarkupAndSpacingDoNotMatter() {
        String plain = ingest("a.txt", utf8Lines("The mayor signed an order.")).onlyItem().getId();
        String marked = ingest("b.txt", utf8Lines("  <p>The   mayor signed an&#32;order.</p>")).onlyItem().getId();

        assertThat(marked).isEqualTo(plain);
    }

    @Test
    void shouldGiveDifferentTextsDifferentIds() {
        TestNews.Run run = ingest("a.txt", utf8Lines("The mayor signed an order.", "The mayor vetoed an order."));

        assertThat(run.items).extracting(NewsItem::getId).doesNotHaveDuplicates().hasSize(2);
    }

    @Test
    void shouldHashSourceAndUrlWhenThereIsAUrl() {
        TestNews.Run run = ingest("feed.jsonl", utf8Lines(
                aJsonLine().with("source", "Example Wire").with("url", "https://news.example/a")
                        .with("summary", "First version of the story."),
                aJsonLine().with("source", "Other Wire").with("url", "https://news.example/a")
                        .with("summary", "First version of the story.")));

        assertThat(run.items).extracting(NewsItem::getId).containsExactly(
                ItemIds.ofUrl("Example Wire", "https://news.example/a"),
                ItemIds.ofUrl("Other Wire", "https://news.example/a"));
    }

    @Test
    void shouldGiveAnUpdatedStoryAtTheSameUrlTheSameId() {
        TestNews.Run run = ingest("feed.jsonl", utf8Lines(
                aJsonLine().with("url", "https://news.example/a").with("summary", "First version."),
                aJsonLine().with("url", "https://news.example/a").with("summary", "Updated version.")));

        assertThat(run.texts()).containsExactly("First version.");
        assertThat(run.summary.duplicates()).isEqualTo(1);
    }

    @Test
    void shouldUseTheSourceTheItemEndsUpWithForTheUrlHash() {
        NewsItem item = ingest("dir/wire.jsonl", utf8Lines(aJsonLine().with("url", "https://news.example/b")))
                .onlyItem();

        assertThat(item.getId()).isEqualTo(ItemIds.ofUrl("wire.jsonl", "https://news.example/b"));
    }

    @Test
    void shouldKeepAGivenIdTrimmed() {
        NewsItem item = ingest("feed.jsonl", utf8Lines(aJsonLine().with("id", "  wire-17 ")
                .with("url", "https://news.example/c"))).onlyItem();

        assertThat(item.getId()).isEqualTo("wire-17");
    }
}
