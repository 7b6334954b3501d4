package org.policyradar.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyradar.producer.TestNews.aJsonLine;
import static org.policyradar.producer.TestNews.optionsRecordingInto;
import static org.policyradar.producer.TestNews.utf8Lines;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.policyradar.avro.NewsItem;

/** Duplicates, strict mode and progress: what a run reports about itself. */
class RunOutcomeTest {

    @Test
    void shouldPublishTheSameIdOnceAndCountTheRestAsDuplicates() {
        TestNews.Run run = TestNews.ingest("feed.jsonl", utf8Lines(
                aJsonLine().with("id", "x1").with("summary", "First"),
                aJsonLine().with("id", "x2").with("summary", "Second"),
                aJsonLine().with("id", "x1").with("summary", "First, again"),
                aJsonLine().with("id", "x1").with("summary", "First, once more")));

        assertThat(run.items).extracting(NewsItem::getId).containsExactly("x1", "x2");
        assertThat(run.texts()).containsExactly("First", "Second");
        assertThat(run.badLines).isEmpty();
        assertThat(run.summary).isEqualTo(new IngestSummary(4, 2, 0, 2, false));
    }

    @Test
    void shouldCountTheSameTextLineTwiceAsADuplicate() {
        TestNews.Run run = TestNews.ingest("news.txt", utf8Lines("Same story.", "Same   story.", "Other story."));

        assertThat(run.texts()).containsExactly("Same story.", "Other story.");
        assertThat(run.summary.duplicates()).isEqualTo(1);
    }

    @Test
    void shouldRememberIdsAcrossCallsOfOneIngestor() {
        TestNews.Run run = new TestNews.Run();
        NewsIngestor ingestor = new NewsIngestor(optionsRecordingInto(run).build());

        run.ingest(ingestor, "first.txt", utf8Lines("Story one.", "Story two."));
        run.ingest(ingestor, "second.txt", utf8Lines("Story two.", "Story three."));

        assertThat(run.texts()).containsExactly("Story one.", "Story two.", "Story three.");
        assertThat(run.summary).isEqualTo(new IngestSummary(2, 1, 0, 1, false));
    }

    @Test
    void shouldNotCountAnItemAsSeenWhenTheSinkFailedToTakeIt() {
        TestNews.Run run = new TestNews.Run();
        NewsIngestor ingestor = new NewsIngestor(optionsRecordingInto(run).build());
        byte[] content = utf8Lines("Story one.");

        try {
            ingestor.ingest("news.txt", new java.io.ByteArrayInputStream(content), item -> {
                throw new IllegalStateException("sink is down");
            });
        } catch (IllegalStateException | java.io.IOException expected) {
            assertThat(expected).hasMessage("sink is down");
        }
        run.ingest(ingestor, "news.txt", content);

        assertThat(run.texts()).containsExactly("Story one.");
        assertThat(run.summary.published()).isEqualTo(1);
    }

    @Test
    void shouldFailAStrictRunWithAnyBadLineButStillPublishTheGoodOnes() {
        TestNews.Run run = new TestNews.Run();
        NewsIngestor strict = new NewsIngestor(optionsRecordingInto(run).strict(true).build());

        run.ingest(strict, "feed.jsonl", utf8Lines(aJsonLine(), "{broken"));

        assertThat(run.items).hasSize(1);
        assertThat(run.summary).isEqualTo(new IngestSummary(2, 1, 1, 0, true));
        assertThat(run.summary.successful()).isFalse();
        assertThat(run.summary.toString()).contains("strict");
    }

    @Test
    void shouldPassAStrictRunWithoutBadLinesEvenWithDuplicates() {
        TestNews.Run run = new TestNews.Run();
        NewsIngestor strict = new NewsIngestor(optionsRecordingInto(run).strict(true).build());

        run.ingest(strict, "news.txt", utf8Lines("Story.", "", "Story."));

        assertThat(run.summary).isEqualTo(new IngestSummary(2, 1, 0, 1, true));
        assertThat(run.summary.successful()).isTrue();
    }

    @Test
    void shouldPassALenientRunWithBadLines() {
        TestNews.Run run = TestNews.ingest("feed.jsonl", utf8Lines(aJsonLine(), "{broken"));

        assertThat(run.summary.skipped()).isEqualTo(1);
        assertThat(run.summary.successful()).isTrue();
    }

    @Test
    void shouldTellProgressEveryNLinesRead() {
        List<IngestSummary> progress = new ArrayList<>();
        TestNews.Run run = new TestNews.Run();
        NewsIngestor ingestor = new NewsIngestor(optionsRecordingInto(run).progress(progress::add, 10).build());
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            lines.add(i == 5 ? "\u0000" : i == 15 ? "Story 14." : "Story " + i + ".");
            if (i % 7 == 0) {
                lines.add("");      // blank lines are not read items and do not move progress
            }
        }

        run.ingest(ingestor, "news.txt", utf8Lines(lines.toArray()));

        assertThat(progress).containsExactly(
                new IngestSummary(10, 9, 1, 0, false),
                new IngestSummary(20, 18, 1, 1, false));
        assertThat(run.summary).isEqualTo(new IngestSummary(25, 23, 1, 1, false));
    }
}
