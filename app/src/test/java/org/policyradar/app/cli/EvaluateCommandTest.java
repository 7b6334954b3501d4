package org.policyradar.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code policy-radar evaluate} on the bundled seed news and its labels, as a rule editor runs it. */
class EvaluateCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new PolicyRadar());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path copy(String resource, String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = EvaluateCommandTest.class.getResourceAsStream(resource)) {
            assertThat(in).as("resource %s", resource).isNotNull();
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void shouldPrintTheSummaryOfEachPartWithTheTenSeedPairsFound() throws IOException {
        Path news = copy("/seed/seed-news.txt", "seed-news.txt");
        Path labels = copy("/seed/seed-labels.json", "seed-labels.json");

        int exit = run("evaluate", "--input", news.toString(), "--labels", labels.toString());

        assertThat(exit).as("stderr: %s", err).isZero();
        assertThat(out.toString()).contains("summary split=tune ", "summary split=holdout ")
                .containsPattern("summary split=all items=11 .* pairs-required=10 found=10 wrong=0 .* pair-F1=1\\.000");
    }

    @Test
    void shouldExplainAnUnreadableLabelsFileInOneLine() throws IOException {
        Path news = copy("/seed/seed-news.txt", "seed-news.txt");
        Path labels = Files.writeString(dir.resolve("bad.json"), "{\"items\": {\"s01\": {\"topic\": \"BORDER\"}}}");

        int exit = run("evaluate", "--input", news.toString(), "--labels", labels.toString(), "--split", "holdout");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).contains("evaluate: cannot read").contains("s01 has no side");
    }

    @Test
    void shouldScoreTheConflictsOfARunAndReportAMalformedLineWithItsNumber() throws IOException {
        Path news = copy("/seed/seed-news.txt", "seed-news.txt");
        Path labels = copy("/seed/seed-labels.json", "seed-labels.json");
        Path conflicts = Files.writeString(dir.resolve("run.jsonl"), String.join("\n",
                "{\"conflictId\": \"conflict-1\", \"domain\": \"IMMIGRATION\", \"pressing\": {\"itemId\": \"s04\"},"
                        + " \"resisting\": {\"itemId\": \"s01\"}, \"pressingArticles\": [{\"itemId\": \"s04\"}],"
                        + " \"resistingArticles\": [{\"itemId\": \"s01\"}, {\"itemId\": \"s02\"}]}",
                "not json at all",
                ""));

        int exit = run("evaluate", "-q", "--input", news.toString(), "--labels", labels.toString(),
                "--conflicts", conflicts.toString());

        assertThat(exit).as("stderr: %s", err).isZero();
        assertThat(err.toString()).contains("run.jsonl line 2: not a conflict");
        assertThat(out.toString()).contains("1 conflicts in ")
                .contains("pipeline split=all conflicts=1 pairs-required=10 found=2 wrong=0 neither=0 pair-precision=1.000"
                        + " pair-recall=0.200");
    }
}
