package org.policyradar.app.tail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.policyradar.app.cli.PolicyRadar;
import picocli.CommandLine;

/** The command line of {@code tail}: checks that fail before any connection is made. */
class TailCommandTest {

    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        CommandLine commandLine = PolicyRadar.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        return commandLine.execute(args);
    }

    @Test
    void shouldRefuseAnUnknownTopicWithUsageStatusAndNameTheKnownOnes() {
        assertThat(execute("tail", "--topic", "news.itemz.v1")).isEqualTo(2);

        assertThat(err.toString()).contains("Unknown topic 'news.itemz.v1'")
                .contains("news.items.v1", "policy.alerts.v1", "news.dlq.v1", "policy.alerts.dlq.v1");
    }

    @Test
    void shouldRefuseAStartItCannotReadWithUsageStatus() {
        assertThat(execute("tail", "--topic", "news.items.v1", "--from", "yesterday")).isEqualTo(2);

        assertThat(err.toString()).contains("--from: cannot read 'yesterday'");
    }
}
