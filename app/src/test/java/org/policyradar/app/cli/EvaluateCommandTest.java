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
}
