package org.policyradar.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyradar.producer.TestNews.aJsonLine;
import static org.policyradar.producer.TestNews.ingest;
import static org.policyradar.producer.TestNews.optionsRecordingInto;
import static org.policyradar.producer.TestNews.utf8Lines;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.avro.NewsItem;

/** Files, standard input and how the format of each is decided. */
class InputsTest {

    @TempDir
    Path dir;

    @Test
    void shouldTellTheFormatFromTheExtension() {
        assertThat(InputFormat.fromFileName("seed-news.txt")).isEqualTo(InputFormat.TEXT);
        assertThat(InputFormat.fromFileName("feed.jsonl")).isEqualTo(InputFormat.JSONL);
        assertThat(InputFormat.fromFileName("FEED.NDJSON")).isEqualTo(InputFormat.JSONL);
        assertThat(InputFormat.fromFileName("feed.json")).isEqualTo(InputFormat.JSONL);
        assertThat(InputFormat.fromFileName("feed.data")).isEqualTo(InputFormat.AUTO);
        assertThat(InputFormat.fromFileName("stdin")).isEqualTo(InputFormat.AUTO);
    }

    @Test
    void shouldTellTheFormatFromTheFirstNonBlankLineWhenTheNameSaysNothing() {
        TestNews.Run json = ingest("feed.data", utf8Lines("", "  ", aJsonLine().with("headline", "H")));
        TestNews.Run text = ingest("feed.data", utf8Lines("", "Plain text about {braces} later in the line."));

        assertThat(json.onlyItem().getHeadline()).isEqualTo("H");
        assertThat(text.onlyItem().getText()).isEqualTo("Plain text about {braces} later in the line.");
    }

    @Test
    void shouldLetTheExtensionWinOverTheContent() {
        String jsonLine = aJsonLine().toString();

        NewsItem item = ingest("notes.txt", utf8Lines(jsonLine)).onlyItem();

        assertThat(item.getHeadline()).isNull();
        assertThat(item.getText()).isEqualTo(jsonLine);
    }

    @Test
    void shouldLetAForcedFormatWinOverTheExtension() {
        TestNews.Run run = new TestNews.Run();
        NewsIngestor ingestor = new NewsIngestor(optionsRecordingInto(run).format(InputFormat.JSONL).build());

        run.ingest(ingestor, "notes.txt", utf8Lines(aJsonLine().with("headline", "Forced")));

        assertThat(run.onlyItem().getHeadline()).isEqualTo("Forced");
    }

    @Test
    void shouldReadEveryFileInOrderWithItsOwnNameAsSourceAndInReports() throws IOException {
        Path text = Files.write(dir.resolve("seed-news.txt"), utf8Lines("A text item.", "\u0002"));
        Path json = Files.write(dir.resolve("wire.jsonl"), utf8Lines(
                aJsonLine().with("summary", "A JSON item."), "{oops"));
        TestNews.Run run = new TestNews.Run();
        NewsIngestor ingestor = new NewsIngestor(optionsRecordingInto(run).build());

        IngestSummary summary = ingestor.ingest(List.of(text.toString(), json.toString()), run.items::add);

        assertThat(run.items).extracting(NewsItem::getSource, NewsItem::getText).containsExactly(
                org.assertj.core.groups.Tuple.tuple("seed-news.txt", "A text item."),
                org.assertj.core.groups.Tuple.tuple("wire.jsonl", "A JSON item."));
        assertThat(run.badLines).extracting(BadLine::input, BadLine::lineNumber).containsExactly(
                org.assertj.core.groups.Tuple.tuple(text.toString(), 2L),
                org.assertj.core.groups.Tuple.tuple(json.toString(), 2L));
        assertThat(summary).isEqualTo(new IngestSummary(4, 2, 2, 0, false));
    }

    @Test
    void shouldReportAMissingFileAndGoOnWithTheOtherInputs() throws IOException {
        Path first = Files.write(dir.resolve("first.txt"), utf8Lines("A text item before."));
        Path last = Files.write(dir.resolve("last.txt"), utf8Lines("A text item after."));
        TestNews.Run run = new TestNews.Run();
        NewsIngestor ingestor = new NewsIngestor(optionsRecordingInto(run).build());
        String missing = dir.resolve("missing.jsonl").toString();

        IngestSummary summary = ingestor.ingest(List.of(first.toString(), missing, last.toString()), run.items::add);

        assertThat(run.texts()).containsExactly("A text item before.", "A text item after.");
        assertThat(run.badLines).containsExactly(new BadLine(missing, BadLine.NO_LINE, "no such file"));
        assertThat(run.badLines.get(0)).hasToString(missing + ": no such file");
        assertThat(summary).isEqualTo(new IngestSummary(2, 2, 0, 0, 1, false));
        assertThat(summary.successful()).isFalse();
        assertThat(summary).hasToString("read 2, published 2, skipped 0, duplicates 0, failed inputs 1");
    }

    @Test
    void shouldReportADirectoryAsAnInputThatIsNotAReadableFile() throws IOException {
        TestNews.Run run = new TestNews.Run();
        NewsIngestor ingestor = new NewsIngestor(optionsRecordingInto(run).build());

        IngestSummary summary = ingestor.ingest(List.of(dir.toString()), run.items::add);

        assertThat(run.badLines).containsExactly(
                new BadLine(dir.toString(), BadLine.NO_LINE, "not a readable file: a directory"));
        assertThat(summary.failedInputs()).isEqualTo(1);
        assertThat(summary.successful()).isFalse();
    }

    @Test
    void shouldReadAnEmptyFile() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.txt"));
        TestNews.Run run = new TestNews.Run();

        IngestSummary summary = new NewsIngestor(optionsRecordingInto(run).strict(true).build())
                .ingest(List.of(empty.toString()), run.items::add);

        assertThat(summary).isEqualTo(new IngestSummary(0, 0, 0, 0, true));
        assertThat(summary.successful()).isTrue();
    }

    @Test
    void shouldReadStandardInputForADash() throws IOException {
        TestNews.Run run = new TestNews.Run();
        NewsIngestor ingestor = new NewsIngestor(optionsRecordingInto(run).build());
        InputStream originalIn = System.in;
        IngestSummary summary;
        try {
            System.setIn(new ByteArrayInputStream(utf8Lines(
                    aJsonLine().with("summary", "From a pipe."), "[1]")));
            summary = ingestor.ingest(List.of("-"), run.items::add);
        } finally {
            System.setIn(originalIn);
        }

        assertThat(run.onlyItem().getText()).isEqualTo("From a pipe.");
        assertThat(run.onlyItem().getSource()).isEqualTo("stdin");
        assertThat(run.badLines).containsExactly(new BadLine("stdin", 2, "JSON line is an array, not an object"));
        assertThat(summary).isEqualTo(new IngestSummary(2, 1, 1, 0, false));
    }

    @Test
    void shouldReadAStreamSuchAsAClasspathResourceUnderItsName() throws IOException {
        TestNews.Run run = new TestNews.Run();
        NewsIngestor ingestor = new NewsIngestor(optionsRecordingInto(run).build());

        try (InputStream in = getClass().getResourceAsStream("/sample-news.jsonl")) {
            assertThat(in).isNotNull();
            run.summary = ingestor.ingest("classpath:/sample-news.jsonl", in, run.items::add);
        }

        assertThat(run.items).extracting(NewsItem::getSource).containsExactly("Example Wire", "sample-news.jsonl");
        assertThat(run.badLines).isEmpty();
        assertThat(run.summary).isEqualTo(new IngestSummary(2, 2, 0, 0, false));
    }
}
