package org.policyradar.app.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyradar.app.alerts.TestAlerts.anAlert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.policyradar.app.cli.PolicyRadar;
import org.policyradar.app.alerts.WebhookTestServer.Received;
import org.policyradar.app.tail.StartPosition;
import org.policyradar.app.tail.TopicTail;
import org.policyradar.avro.ConflictAlert;
import org.policyradar.registry.serde.SpecificAvroSerde;
import org.policyradar.testkit.EmbeddedStack;
import org.policyradar.topics.Topics;

/**
 * The alert dispatcher and tail on the embedded stack: alerts written in a transaction to policy.alerts.v1 are
 * delivered to a local webhook once each with their offsets committed, a failing webhook sends them to the
 * dead-letter topic, and tail prints them as JSON lines.
 */
class AlertDispatchIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SAFETY_NET = Duration.ofSeconds(60);

    @RegisterExtension
    static final EmbeddedStack STACK = new EmbeddedStack();
    private static Map<String, Object> config;

    @BeforeAll
    static void startStackAndWriteAlerts() {
        config = STACK.clientConfig();
        writeAlerts("alerts-it-1", anAlert("c-1").build(), anAlert("c-2").build(), anAlert("c-3").build());
    }

    @Test
    void shouldDeliverEveryAlertOnceCommitItsOffsetAndResumeAfterIt() throws Exception {
        try (WebhookTestServer server = WebhookTestServer.answering(200)) {
            AlertDispatchLoop.Summary first = loop(server.url("/hook"), "it-deliver", 5, 3).run(safetyNet());

            assertThat(first).isEqualTo(new AlertDispatchLoop.Summary(3, 0, 0));
            assertThat(server.received()).extracting(r -> r.header("Idempotency-Key"))
                    .containsExactly("c-1:NEW_CONFLICT", "c-2:NEW_CONFLICT", "c-3:NEW_CONFLICT");
            assertThat(server.received()).allSatisfy(request ->
                    assertThat(new WebhookSignature("it-secret").verify(request.header(WebhookSignature.TIMESTAMP_HEADER),
                            request.header(WebhookSignature.HEADER), request.body(), java.time.Instant.now(),
                            WebhookSignature.DEFAULT_TOLERANCE)).isTrue());
            assertThat(committedOffset("it-deliver")).isEqualTo(3L);

            // a second dispatcher in the same group starts after the committed alerts: it gets only the new one
            writeAlerts("alerts-it-2", anAlert("c-4").build());
            AlertDispatchLoop.Summary second = loop(server.url("/hook"), "it-deliver", 5, 1).run(safetyNet());

            assertThat(second).isEqualTo(new AlertDispatchLoop.Summary(1, 0, 0));
            assertThat(server.received()).extracting(r -> r.header("Idempotency-Key"))
                    .containsExactly("c-1:NEW_CONFLICT", "c-2:NEW_CONFLICT", "c-3:NEW_CONFLICT", "c-4:NEW_CONFLICT");
        }
    }

    @Test
    void shouldSendAlertsAFailingWebhookRefusesToTheDeadLetterTopicAndMoveOn() throws Exception {
        try (WebhookTestServer server = WebhookTestServer.answering(500)) {
            AlertDispatchLoop.Summary summary = loop(server.url("/down"), "it-fail", 2, 3).run(safetyNet());

            assertThat(summary).isEqualTo(new AlertDispatchLoop.Summary(0, 3, 0));
            assertThat(server.received()).extracting(Received::path).hasSize(6);
            assertThat(committedOffset("it-fail")).isEqualTo(3L);
        }

        List<ConsumerRecord<byte[], byte[]>> dead = readAll(Topics.ALERTS_DLQ, 3);
        SpecificAvroSerde<ConflictAlert> serde = new SpecificAvroSerde<>();
        serde.configure(config, false);
        assertThat(dead).extracting(r -> serde.deserializer().deserialize(r.topic(), r.value()).getConflictId())
                .containsExactly("c-1", "c-2", "c-3");
        for (ConsumerRecord<byte[], byte[]> record : dead) {
            assertThat(header(record, AlertDeadLetters.REASON_HEADER)).isEqualTo("HTTP 500 after 2 attempts");
            assertThat(header(record, AlertDeadLetters.STATUS_HEADER)).isEqualTo("500");
            assertThat(header(record, AlertDeadLetters.ATTEMPTS_HEADER)).isEqualTo("2");
            assertThat(header(record, AlertDeadLetters.TOPIC_HEADER)).isEqualTo(Topics.POLICY_ALERTS);
            assertThat(header(record, AlertDeadLetters.WEBHOOK_HEADER)).startsWith("http://127.0.0.1:")
                    .doesNotContain("/down");
        }

        // tail shows the dead letters, Avro decoded, with their reasons
        List<JsonNode> lines = tail(Topics.ALERTS_DLQ, new StartPosition.Earliest(), 0);
        assertThat(lines).hasSize(3).allSatisfy(line -> {
            assertThat(line.at("/headers/" + AlertDeadLetters.REASON_HEADER).asText())
                    .isEqualTo("HTTP 500 after 2 attempts");
            assertThat(line.at("/value/alertId").asText()).endsWith(":NEW_CONFLICT");
        });
    }

    @Test
    void shouldTailTheAlertsTopicAsJsonLines() throws Exception {
        List<JsonNode> lines = tail(Topics.POLICY_ALERTS, new StartPosition.Earliest(), 0);

        // c-4 is there too when the delivery test ran first
        assertThat(lines.size()).isBetween(3, 4);
        assertThat(lines.subList(0, 3)).extracting(line -> line.at("/value/conflictId").asText())
                .containsExactly("c-1", "c-2", "c-3");
        for (JsonNode line : lines) {
            assertThat(line.get("topic").asText()).isEqualTo(Topics.POLICY_ALERTS);
            assertThat(line.get("key").asText()).isEqualTo(line.at("/value/conflictId").asText());
            assertThat(line.at("/value/pressing/position/actorId").asText()).isEqualTo("US-DHS");
            assertThat(Instant.parse(line.get("timestamp").asText())).isAfter(Instant.parse("2025-01-01T00:00:00Z"));
        }
        assertThat(tail(Topics.POLICY_ALERTS, new StartPosition.Earliest(), 2)).hasSize(2);
        assertThat(tail(Topics.POLICY_ALERTS, new StartPosition.Latest(), 0)).isEmpty();
        assertThat(tail(Topics.POLICY_ALERTS, new StartPosition.At(Instant.parse("2999-01-01T00:00:00Z")), 0))
                .isEmpty();
        assertThat(tail(Topics.POLICY_ALERTS, new StartPosition.At(Instant.parse("2020-01-01T00:00:00Z")), 0))
                .hasSameSizeAs(lines);
    }

    @Test
    void shouldTailThroughTheCommandLine() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        int status;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            status = PolicyRadar.commandLine().execute("tail", "--topic", Topics.POLICY_ALERTS, "--json",
                    "--max", "2", "--bootstrap-servers", STACK.bootstrapServers(),
                    "--schema-registry", STACK.registryUrl());
        } finally {
            System.setOut(originalOut);
        }

        assertThat(status).isZero();
        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(JSON.readTree(lines.get(0)).at("/value/conflictId").asText()).isEqualTo("c-1");
    }

    private static AlertDispatchLoop loop(String url, String group, int maxAttempts, long max) {
        AlertDispatcher dispatcher = new AlertDispatcher(
                new HttpWebhookSender(WebhookUrl.parse(url), Duration.ofSeconds(5)), PayloadFormat.JSON,
                Optional.of(new WebhookSignature("it-secret")),
                new RetryPolicy(maxAttempts, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(1),
                        new Random(1)),
                delay -> { });
        return new AlertDispatchLoop(config, new AlertDispatchLoop.Settings(group, Topics.ALERTS_DLQ,
                "earliest", max, Duration.ofMinutes(1)), dispatcher, WebhookUrl.parse(url).redacted());
    }

    /** Ends a run that would otherwise wait for alerts that never come, so that a failure shows as one. */
    private static BooleanSupplier safetyNet() {
        long deadline = System.nanoTime() + SAFETY_NET.toNanos();
        return () -> System.nanoTime() > deadline;
    }

    private static List<JsonNode> tail(String topic, StartPosition from, long max) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new TopicTail(config).run(new TopicTail.Request(topic, from, false, true, max),
                new PrintStream(out, true, StandardCharsets.UTF_8), safetyNet());
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).lines().toList()) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static void writeAlerts(String transactionalId, ConflictAlert... alerts) {
        SpecificAvroSerde<ConflictAlert> serde = new SpecificAvroSerde<>();
        serde.configure(config, false);
        Map<String, Object> producerConfig = new HashMap<>(config);
        producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        try (KafkaProducer<String, ConflictAlert> producer = new KafkaProducer<>(producerConfig,
                new StringSerializer(), serde.serializer())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (ConflictAlert alert : alerts) {
                producer.send(new ProducerRecord<>(Topics.POLICY_ALERTS, alert.getConflictId(), alert));
            }
            producer.commitTransaction();
        }
    }

    private static long committedOffset(String group) throws Exception {
        try (Admin admin = Admin.create(config)) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            return offsets.get(new TopicPartition(Topics.POLICY_ALERTS, 0)).offset();
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic, int expected) {
        Map<String, Object> consumerConfig = new HashMap<>(config);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig,
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + SAFETY_NET.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
