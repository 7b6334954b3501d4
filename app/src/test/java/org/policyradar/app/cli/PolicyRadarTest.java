package org.policyradar.app.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyRadarTest {

    /** The outcome of one run of the command line. */
    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = PolicyRadar.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    static Stream<String> subcommands() {
        return PolicyRadar.commandLine().getSubcommands().keySet().stream();
    }

    @Test
    void shouldListEverySubcommandInTheTopLevelHelp() {
        Run run = run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: policy-radar", "--verbose", "--version");
        subcommands().forEach(name -> assertThat(run.out()).contains(name));
    }

    @ParameterizedTest
    @MethodSource("subcommands")
    void shouldExplainEverySubcommandWithHelpAndExitZero(String subcommand) {
        Run run = run(subcommand, "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: policy-radar " + subcommand, "--help", "--version", "--verbose");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void shouldDescribeTheStackOptionsAndTheirDefaults() {
        Run run = run("stack", "--help");

        assertThat(run.out()).contains(
                "--kafka-port=PORT", "default: 9092",
                "--registry-port=PORT", "default: 8081",
                "--data-dir=DIR", ".policy-radar/stack");
    }

    @Test
    void shouldPrintTheVersion() {
        Run run = run("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("policy-radar ").contains("Kafka ");
    }

    @Test
    void shouldRejectAnUnknownOptionWithAClearMessage() {
        Run run = run("stack", "--kafka-prot", "9093");

        assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err()).contains("Unknown options: '--kafka-prot'", "Possible solutions: --kafka-port");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void shouldRejectAPortThatIsNotANumber() {
        Run run = run("stack", "--kafka-port", "ninety");

        assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err()).contains("--kafka-port", "'ninety' is not an int");
    }

    @Test
    void shouldRejectAPortOutOfRangeBeforeStartingAnything() {
        Run run = run("stack", "--registry-port", "70000");

        assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err()).contains("--registry-port must be between 0 and 65535");
    }

    @Test
    void shouldRejectAnUnknownSubcommand() {
        Run run = run("stak");

        assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err()).contains("Unmatched argument at index 0: 'stak'");
    }

    @Test
    void shouldAskForASubcommandWhenGivenNone() {
        Run run = run();

        assertThat(run.exitCode()).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(run.err()).contains("Missing required subcommand");
    }

    @ParameterizedTest
    @MethodSource("verboseCommandLines")
    void shouldRaiseTheLogLevelsWhereverVerboseIsGiven(List<String> args) {
        Run run = run(args.toArray(String[]::new));

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: policy-radar stack");
        assertThat(LogManager.getLogger("org.policyradar.app").getLevel()).isEqualTo(Level.DEBUG);
        assertThat(LogManager.getLogger("org.apache.kafka.clients.NetworkClient").getLevel()).isEqualTo(Level.INFO);
    }

    static Stream<List<String>> verboseCommandLines() {
        return Stream.of(List.of("-v", "stack", "--help"), List.of("stack", "--verbose", "--help"));
    }

    @Test
    void shouldLogQuietlyByDefault() {
        Run run = run("stack", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(LogManager.getLogger("org.policyradar.app").getLevel()).isEqualTo(Level.INFO);
        assertThat(LogManager.getLogger("org.apache.kafka.clients").getLevel()).isEqualTo(Level.WARN);
    }

    @AfterEach
    void restoreTheLoggingConfiguration() {
        Configurator.reconfigure();
    }
}
