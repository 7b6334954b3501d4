package org.policyradar.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.policyradar.app.cli.PolicyRadar;
import picocli.CommandLine;

/** {@code policy-radar bench} end to end on the embedded stack, with tiny numbers. */
class BenchCommandIT {

    @Test
    void shouldPrintTheThreeThroughputsTheirRatiosTheLatencyTheHeapAndEndWithTheRatio() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = PolicyRadar.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));

        int exit = command.execute("bench", "--items", "300", "--rate", "100", "--latency-seconds", "2",
                "--catch-up-seconds", "10", "--warm-up-rounds", "2");

        assertThat(exit).as("exit code; stderr:%n%s", err).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("raw Kafka round trip: +300 in [0-9.]+ s = "
                + "[0-9]+ /s records"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("warm-up: rounds of 300 items through each path on "
                + "an embedded stack of its own until the JIT compiler used at most 10% of a round's CPU \\(at most "
                + "2\\): raw [12] rounds?.*, pass-through [12] rounds?.*, pipeline [12] rounds?.*"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("exactly-once pass-through: 300 in [0-9.]+ s = "
                + "[0-9]+ /s items"));
        assertThat(ratioLine(lines, "pass-through/raw: +")).isPositive();
        assertThat(ratioLine(lines, "pipeline/pass-through: +")).isPositive();
        assertThat(ratioLine(lines, "pipeline/raw: +")).isPositive();
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("full pipeline: +300 in [0-9.]+ s = [0-9]+ /s "
                + "items enriched end to end; [0-9]+ conflict records"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("CPU of the whole process: pass-through [0-9]+ "
                + "µs per item \\(JIT compiling [0-9]+\\): [0-9.]+× raw; pipeline [0-9.]+× pass-through"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("caught up: "));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("latency at 100 items/s for 2 s \\(200 items, "
                + "sent at [0-9]+ /s\\): p50 [0-9.]+ ms, p99 [0-9.]+ ms, max [0-9.]+ ms"));
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("heap over the run: peak heap used [0-9]+ MiB, "
                + "peak after GC [0-9]+ MiB .*"));
        String last = lines.get(lines.size() - 1);
        assertThat(last).matches("ratio=[0-9]+\\.[0-9]{2}");
        assertThat(Double.parseDouble(last.substring("ratio=".length()))).isPositive()
                .isEqualTo(ratioLine(lines, "pipeline/raw: +"));
    }

    /** The ratio printed on the one line that starts with {@code label} (a regular expression). */
    private static double ratioLine(List<String> lines, String label) {
        List<String> matching = lines.stream().filter(line -> line.matches(label + "[0-9]+\\.[0-9]{2}")).toList();
        assertThat(matching).as("lines matching %s", label).hasSize(1);
        return Double.parseDouble(matching.get(0).replaceFirst(label, ""));
    }
}
