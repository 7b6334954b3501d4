package org.policyradar.app.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.policyradar.app.PolicyRadar;
import org.policyradar.app.cli.AlertsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Model.OptionSpec;

/** The command line of {@code alerts}: checks that fail before any connection is made. */
class AlertsCommandTest {

    private final StringWriter err = new StringWriter();
    private final StringWriter out = new StringWriter();

    private int execute(String... args) {
        CommandLine commandLine = PolicyRadar.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(out, true));
        return commandLine.execute(args);
    }

    @Test
    void shouldNeverShowADefaultForTheSecretInTheHelp() {
        OptionSpec secret = PolicyRadar.commandLine().getSubcommands().get("alerts").getCommandSpec()
                .findOption("--secret");

        assertThat(secret.showDefaultValue()).isEqualTo(Visibility.NEVER);
        assertThat(execute("alerts", "--help")).isZero();
        String help = out.toString();
        assertThat(help).contains("--secret=SECRET").contains(AlertsCommand.SECRET_ENV).doesNotContain("${env");
        assertThat(optionHelp(help, "--secret=SECRET")).contains("POLICY_RADAR_WEBHOOK_SECRET")
                .doesNotContainIgnoringCase("default:");
        // the other options do show theirs, so the check above would catch a default that slipped in
        assertThat(optionHelp(help, "--max-attempts=N")).contains("(default: 5)");
    }

    /** The lines of the option list that describe {@code option}: its line and the continuation lines after it. */
    private static String optionHelp(String help, String option) {
        StringBuilder text = new StringBuilder();
        boolean inside = false;
        for (String line : help.lines().toList()) {
            boolean optionLine = line.matches(" {2,6}-.*");
            if (optionLine) {
                inside = line.strip().startsWith(option);
            }
            if (inside) {
                text.append(line.strip()).append(' ');
            }
        }
        return text.toString();
    }

    @Test
    void shouldRefuseAWebhookThatIsNotAnHttpUrlWithUsageStatusAndWithoutEchoingIt() {
        assertThat(execute("alerts", "--webhook", "ftp://example.com/token-123")).isEqualTo(2);

        assertThat(err.toString()).contains("--webhook: the webhook must be an http:// or https:// URL")
                .doesNotContain("token-123");
    }

    @Test
    void shouldRefuseNonsenseSettingsWithUsageStatus() {
        assertThat(execute("alerts", "--webhook", "http://127.0.0.1:1/x", "--max-attempts", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--max-attempts must be at least 1");

        assertThat(execute("alerts", "--webhook", "http://127.0.0.1:1/x", "--format", "xml")).isEqualTo(2);
        assertThat(err.toString()).contains("expected json or slack");
    }
}
