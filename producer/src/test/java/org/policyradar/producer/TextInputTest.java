package org.policyradar.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyradar.producer.TestNews.NOW;
import static org.policyradar.producer.TestNews.ingest;
import static org.policyradar.producer.TestNews.utf8Lines;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.policyradar.avro.EventTimeSource;
import org.policyradar.avro.NewsItem;

class TextInputTest {

    @Test
    void shouldMakeOneItemPerLineWithTheLineAsTextAndNoHeadline() {
        TestNews.Run run = ingest("seed-news.txt", utf8Lines(
                "Deputies in Marin County will not honor ICE detainers, the sheriff said.",
                "The Justice Department told prosecutors to investigate officials who obstruct enforcement."));

        assertThat(run.texts()).containsExactly(
                "Deputies in Marin County will not honor ICE detainers, the sheriff said.",
                "The Justice Department told prosecutors to investigate officials who obstruct enforcement.");
        assertThat(run.items).allSatisfy(item -> {
            assertThat(item.getHeadline()).isNull();
            assertThat(item.getUrl()).isNull();
            assertThat(item.getLanguage()).isNull();
            assertThat(item.getAttributes()).isEmpty();
        });
        assertThat(run.summary).isEqualTo(new IngestSummary(2, 2, 0, 0, false));
    }

    @Test
    void shouldUseTheFileNameAsSource() {
        TestNews.Run run = ingest("data/feeds/seed-news.txt", utf8Lines("A school board adopted a visitor policy."));

        assertThat(run.onlyItem().getSource()).isEqualTo("seed-news.txt");
    }

    @Test
    void shouldStampIngestionTimeAsEventTimeFromTheClock() {
        NewsItem item = ingest("news.txt", utf8Lines("The governor signed a bill on police cooperation.")).onlyItem();

        assertThat(item.getIngestedAt()).isEqualTo(NOW);
        assertThat(item.getPublishedAt()).isEqualTo(NOW);
        assertThat(item.getEventTimeSource()).isEqualTo(EventTimeSource.INGESTED);
    }

    @Test
    void shouldSkipBlankLinesSilentlyAndKeepCountingLineNumbers() {
        TestNews.Run run = ingest("news.txt", utf8Lines("", "First item.", "   ", "\t", "", "Second item.", "\u0001"));

        assertThat(run.texts()).containsExactly("First item.", "Second item.");
        assertThat(run.badLines).extracting(BadLine::lineNumber).containsExactly(7L);
        assertThat(run.summary).isEqualTo(new IngestSummary(3, 2, 1, 0, false));
    }

    @Test
    void shouldAcceptWindowsLineEndingsAndAFinalLineWithoutNewline() {
        byte[] content = "First item.\r\nSecond item.\r\nThird item".getBytes(StandardCharsets.UTF_8);

        assertThat(ingest("news.txt", content).texts()).containsExactly("First item.", "Second item.", "Third item");
    }

    @Test
    void shouldDropAByteOrderMarkAtTheStartOfTheInput() {
        byte[] content = "\uFEFFFirst item.\nSecond item.\n".getBytes(StandardCharsets.UTF_8);

        assertThat(ingest("news.txt", content).texts()).containsExactly("First item.", "Second item.");
    }

    @Test
    void shouldNormaliseTextLines() {
        NewsItem item = ingest("news.txt", utf8Lines(
                "  <p>Officials  in&nbsp;Cafe\u0301 County said “no” to the <b>raids</b>.</p>  ")).onlyItem();

        assertThat(item.getText()).isEqualTo("Officials in Café County said “no” to the raids.");
    }

    @Test
    void shouldReadTheSeedStyleLinesWithSmartQuotesUnchanged() {
        String line = "DHS announced it was rescinding protections for “sensitive zones” where the president’s "
                + "orders apply.";

        assertThat(ingest("seed-news.txt", utf8Lines(line)).onlyItem().getText()).isEqualTo(line);
    }
}
