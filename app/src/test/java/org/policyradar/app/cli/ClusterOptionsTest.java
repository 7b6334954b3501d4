package org.policyradar.app.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class ClusterOptionsTest {

    /** A command that only records the options it was given. */
    @Command(name = "probe")
    static final class Probe implements Runnable {
        @Mixin
        ClusterOptions cluster;
        Map<String, Object> config;

        @Override
        public void run() {
            config = cluster.clientConfig();
        }
    }

    @TempDir
    Path dir;

    private Probe probe;
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        probe = new Probe();
        CommandLine commandLine = new CommandLine(probe);
        commandLine.setOut(new PrintWriter(new StringWriter()));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void shouldDefaultToTheLocalStack() {
        assertThat(run()).isZero();

        assertThat(probe.cluster.clusterNamed()).isFalse();
        assertThat(probe.config).containsOnly(
                entry("bootstrap.servers", "localhost:9092"),
                entry("schema.registry.url", "http://localhost:8081"));
    }

    @Test
    void shouldPassEveryFileEntryThroughAndLetTheOptionsWin() throws Exception {
        Path file = Files.writeString(dir.resolve("client.properties"), """
                bootstrap.servers=broker-from-file:9093
                schema.registry.url=https://registry-from-file
                security.protocol=SASL_SSL
                sasl.mechanism=PLAIN
                sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="s3cret";
                """);

        assertThat(run("--kafka-config", file.toString(), "--bootstrap-servers", "broker-a:9092,broker-b:9092")).isZero();

        assertThat(probe.config)
                .containsEntry("bootstrap.servers", "broker-a:9092,broker-b:9092")
                .containsEntry("schema.registry.url", "https://registry-from-file")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "PLAIN")
                .containsKey("sasl.jaas.config");
        assertThat(probe.cluster.clusterNamed()).isTrue();
        assertThat(probe.cluster.bootstrapServers()).isEqualTo("broker-a:9092,broker-b:9092");
        assertThat(probe.cluster.schemaRegistryUrl()).isEqualTo("https://registry-from-file");
    }

    @Test
    void shouldUseTheFileForTheBootstrapServersWhenNoOptionIsGiven() throws Exception {
        Path file = Files.writeString(dir.resolve("client.properties"), "bootstrap.servers=broker-from-file:9093\n");

        assertThat(run("--kafka-config", file.toString(), "--schema-registry", "http://registry:8081")).isZero();

        assertThat(probe.config)
                .containsEntry("bootstrap.servers", "broker-from-file:9093")
                .containsEntry("schema.registry.url", "http://registry:8081");
    }

    @Test
    void shouldCountAnyClusterOptionAsNamingACluster() {
        assertThat(run("--schema-registry", "http://registry:8081")).isZero();

        assertThat(probe.cluster.clusterNamed()).isTrue();
        assertThat(probe.config).containsEntry("bootstrap.servers", "localhost:9092");
    }

    @Test
    void shouldReportAMissingConfigFileAsAUsageErrorWithoutItsContents() {
        Path missing = dir.resolve("nope.properties");

        int exitCode = run("--kafka-config", missing.toString());

        assertThat(exitCode).isEqualTo(CommandLine.ExitCode.USAGE);
        assertThat(err.toString()).contains("--kafka-config: cannot read " + missing + " (no such file)");
    }
}
