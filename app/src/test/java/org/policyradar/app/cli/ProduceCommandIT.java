package org.policyradar.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.avro.NewsItem;
import org.policyradar.registry.serde.SpecificAvroSerde;
import org.policyradar.testkit.EmbeddedStack;
import org.policyradar.testkit.TopicRecords;
import org.policyradar.topics.Topics;

/**
 * {@code policy-radar produce} on the embedded stack with inputs that fail: each is reported as
 * {@code INPUT: reason}, the others are published, the summary counts every item once, the exit code is 1, and
 * no stack trace is printed.
 */
class ProduceCommandIT {

    @TempDir
    static Path dir;

    @RegisterExtension
    static final EmbeddedStack STACK = new EmbeddedStack();
    private static HttpServer notFound;

    @BeforeAll
    static void start() throws IOException {
        notFound = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        notFound.start();
    }

    @AfterAll
    static void stop() {
        if (notFound != null) {
            notFound.stop(0);
        }
    }

    /** What one run of the command printed to stderr, and its exit code. */
    private record Outcome(int exitCode, String stderr) {
    }

    private static Outcome produce(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exitCode;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exitCode = PolicyRadar.commandLine().execute(args);
        } finally {
            System.setErr(original);
        }
        return new Outcome(exitCode, err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void shouldReportEachFailedInputPublishTheOthersAndExitWithOne() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "A county board ends its jail contract with federal agents.\n");
        Path headlines = Files.writeString(dir.resolve("headlines.jsonl"),
                "{\"headline\": \"State lawmakers pass a bill limiting detainer requests\"}\n"
                        + "{\"title\": \"City council keeps its welcoming-city ordinance\"}\n");
        String missing = dir.resolve("missing.txt").toString();
        String gone = "http://127.0.0.1:" + notFound.getAddress().getPort() + "/feed.rss";

        Outcome outcome = produce("produce", "--input", text.toString(), missing, gone, headlines.toString(),
                "--bootstrap-servers", STACK.bootstrapServers(), "--schema-registry", STACK.registryUrl());

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.stderr().lines()).containsExactly(
                missing + ": no such file",
                gone + ": HTTP 404 from " + gone,
                "Done: read 3, published 3, skipped 0, duplicates 0, failed inputs 2");
        SpecificAvroSerde<NewsItem> serde = new SpecificAvroSerde<>();
        serde.configure(Map.of("schema.registry.url", STACK.registryUrl()), false);
        List<ConsumerRecord<String, NewsItem>> records = TopicRecords.readAtLeast(STACK.bootstrapServers(),
                Topics.NEWS_ITEMS, 3, new StringDeserializer(), serde.deserializer());
        assertThat(records).extracting(r -> r.value().getText()).containsExactlyInAnyOrder(
                "A county board ends its jail contract with federal agents.",
                "State lawmakers pass a bill limiting detainer requests",
                "City council keeps its welcoming-city ordinance");
    }

    @Test
    void shouldNotCountAnItemAsPublishedWhenKafkaDidNotTakeIt() throws IOException {
        Path text = Files.writeString(dir.resolve("one.txt"), "A sheriff says deputies will not hold people.\n");
        Path noRetries = Files.writeString(dir.resolve("client.properties"), "max.retries=0\n");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        Outcome outcome = produce("produce", "--input", text.toString(), "--kafka-config", noRetries.toString(),
                "--bootstrap-servers", STACK.bootstrapServers(),
                "--schema-registry", "http://127.0.0.1:" + closedPort);

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.stderr().lines()).containsExactly(
                "Done: read 1, published 0, skipped 0, duplicates 0, failed to publish 1");
        assertThat(outcome.stderr()).doesNotContain("\tat ");
    }
}
