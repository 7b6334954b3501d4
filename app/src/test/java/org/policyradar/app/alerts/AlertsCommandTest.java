package org.policyradar.app.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.policyradar.app.cli.PolicyRadar;
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

    @Test
    void shouldNeverShowADefaultForTheWebhookInTheHelp() {
        assertThat(execute("alerts", "--help")).isZero();

        assertThat(optionHelp(out.toString(), "--webhook=URL")).contains(AlertsCommand.WEBHOOK_ENV)
                .doesNotContainIgnoringCase("default:");
    }

    @Test
    void shouldReadTheWebhookAndTheSecretFromTheEnvironmentWhenNotGivenOnTheCommandLine() throws Exception {
        // the environment of this JVM cannot be changed: the command runs in a child JVM with its own
        Child refused = runAlertsInChildJvm(Map.of(AlertsCommand.WEBHOOK_ENV, "ftp://hooks.example/token-123",
                AlertsCommand.SECRET_ENV, "env-secret-456"));

        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.output()).contains("--webhook: the webhook must be an http:// or https:// URL")
                .doesNotContain("token-123").doesNotContain("env-secret-456");

        Child missing = runAlertsInChildJvm(Map.of());

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.output()).contains("no webhook: give --webhook URL or set the POLICY_RADAR_WEBHOOK_URL "
                + "environment variable");
    }

    private record Child(int exitCode, String output) {
    }

    private static Child runAlertsInChildJvm(Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), PolicyRadar.class.getName(), "alerts")
                .redirectErrorStream(true);
        builder.environment().remove(AlertsCommand.WEBHOOK_ENV);
        builder.environment().remove(AlertsCommand.SECRET_ENV);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Child(process.exitValue(), output);
    }
}
