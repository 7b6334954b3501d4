package org.policyradar.app.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.policyradar.app.alerts.TestAlerts.anAlert;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.policyradar.app.alerts.WebhookTestServer.Received;
import org.policyradar.app.alerts.WebhookTestServer.Reply;
import org.policyradar.avro.ConflictAlert;
import org.policyradar.topics.Topics;

/**
 * The delivery loop without Kafka, against a real HTTP server on localhost: headers and signature, retries,
 * dead letters, and endpoints that do not answer properly. Waits between attempts are recorded, not slept.
 */
class WebhookDeliveryTest {

    private static final String SECRET = "test-shared-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    private final List<Duration> sleeps = new ArrayList<>();
    // the dispatcher's clock: it moves on by every wait the dispatcher asks for
    private final SteppingClock clock = new SteppingClock(T0);
    private final List<DeliveryReport> deadLetters = new ArrayList<>();
    private final Map<String, ConflictAlert> alertsByValue = Map.of(
            "value-a", anAlert("conflict-a").build(),
            "value-b", anAlert("conflict-b").build());
    private WebhookTestServer server;

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldPostTheAlertWithItsHeadersAndASignatureTheReceiverCanVerify() throws Exception {
        server = WebhookTestServer.answering(request ->
                Reply.of(signatureMatches(request) ? 204 : 401));

        AlertRecordHandler.Outcome outcome = handler("/hook?token=abc", 5).handle(record("value-a"));

        assertThat(outcome).isEqualTo(AlertRecordHandler.Outcome.DELIVERED);
        assertThat(server.received()).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/hook");
            assertThat(request.header("Content-Type")).isEqualTo("application/json");
            assertThat(request.header("Idempotency-Key")).isEqualTo("conflict-a:NEW_CONFLICT");
            assertThat(request.header("X-Policy-Radar-Signature")).matches("v1=[0-9a-f]{64}");
            assertThat(request.header("X-Policy-Radar-Timestamp")).isEqualTo(Long.toString(T0.getEpochSecond()));
            assertThat(JSON.readTree(request.bodyText()).get("conflictId").asText()).isEqualTo("conflict-a");
        });
        assertThat(deadLetters).isEmpty();
    }

    @Test
    void shouldSendNoSignatureWithoutASecret() throws Exception {
        server = WebhookTestServer.answering(200);
        AlertDispatcher unsigned = new AlertDispatcher(sender(server.url("/hook")), PayloadFormat.SLACK,
                Optional.empty(), policy(5), sleeps::add);

        DeliveryReport report = unsigned.deliver(anAlert("conflict-a").build());

        assertThat(report).isEqualTo(DeliveryReport.delivered(1, 200));
        assertThat(server.received()).singleElement().satisfies(request -> {
            assertThat(request.header("X-Policy-Radar-Signature")).isNull();
            assertThat(request.header("X-Policy-Radar-Timestamp")).isNull();
            assertThat(JSON.readTree(request.bodyText()).has("blocks")).isTrue();
        });
    }

    @Test
    void shouldRetryTwo503sAndDeliverOnTheThirdRequest() throws Exception {
        server = new WebhookTestServer((request, index) -> Reply.of(index < 2 ? 503 : 200));

        DeliveryReport report = dispatcher("/hook", 5).deliver(anAlert("conflict-a").build());

        assertThat(report).isEqualTo(DeliveryReport.delivered(3, 200));
        List<Received> requests = server.received();
        assertThat(requests).hasSize(3);
        // the same bytes and key every time, so the receiver can recognise the repeats; each attempt is signed at
        // its own time, so that a retry after a long wait is still within the receiver's window
        assertThat(requests).extracting(Received::bodyText).containsOnly(requests.get(0).bodyText());
        assertThat(requests).allSatisfy(request -> assertThat(signatureMatches(request, clock.instant())).isTrue());
        assertThat(requests).extracting(r -> r.header("Idempotency-Key")).containsOnly("conflict-a:NEW_CONFLICT");
        assertThat(sleeps).hasSize(2).allSatisfy(delay -> assertThat(delay).isLessThanOrEqualTo(Duration.ofSeconds(1)));
    }

    @Test
    void shouldSignARetryAfterALongWaitWithTheTimeOfTheRetry() throws Exception {
        server = new WebhookTestServer((request, index) -> index == 0
                ? new Reply(429, Map.of("Retry-After", "300"), "slow down") : Reply.of(200));

        DeliveryReport report = dispatcher("/hook", 3).deliver(anAlert("conflict-a").build());

        assertThat(report).isEqualTo(DeliveryReport.delivered(2, 200));
        List<Received> requests = server.received();
        assertThat(requests).extracting(r -> r.header("X-Policy-Radar-Timestamp"))
                .containsExactly(Long.toString(T0.getEpochSecond()), Long.toString(clock.instant().getEpochSecond()));
        assertThat(clock.instant()).isEqualTo(T0.plusSeconds(300));
        // a minute after the retry, the retry is still accepted; the first request, replayed then, is refused
        Instant aMinuteLater = clock.instant().plusSeconds(60);
        assertThat(signatureMatches(requests.get(1), aMinuteLater)).isTrue();
        assertThat(signatureMatches(requests.get(0), aMinuteLater)).isFalse();
    }

    @Test
    void shouldWaitAsLongAsRetryAfterSays() throws Exception {
        server = new WebhookTestServer((request, index) -> index == 0
                ? new Reply(429, Map.of("Retry-After", "3"), "slow down") : Reply.of(200));

        DeliveryReport report = dispatcher("/hook", 5).deliver(anAlert("conflict-a").build());

        assertThat(report.delivered()).isTrue();
        assertThat(sleeps).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void shouldDeadLetterAnAlertThatAlwaysFailsAndGoOnWithTheNext() throws Exception {
        server = WebhookTestServer.answering(request -> request.header("Idempotency-Key").startsWith("conflict-a")
                ? new Reply(500, Map.of(), "database down") : Reply.of(200));
        AlertRecordHandler handler = handler("/hook", 4);

        assertThat(handler.handle(record("value-a"))).isEqualTo(AlertRecordHandler.Outcome.DEAD_LETTERED);
        assertThat(handler.handle(record("value-b"))).isEqualTo(AlertRecordHandler.Outcome.DELIVERED);

        assertThat(deadLetters).containsExactly(DeliveryReport.failed(4, OptionalInt.of(500),
                "HTTP 500 (database down) after 4 attempts"));
        assertThat(server.received()).extracting(r -> r.header("Idempotency-Key")).containsExactly(
                "conflict-a:NEW_CONFLICT", "conflict-a:NEW_CONFLICT", "conflict-a:NEW_CONFLICT",
                "conflict-a:NEW_CONFLICT", "conflict-b:NEW_CONFLICT");
        assertThat(sleeps).hasSize(3);
    }

    @Test
    void shouldNotRetryA400() throws Exception {
        server = WebhookTestServer.answering(request -> new Reply(400, Map.of(), "{\"error\":\"invalid_payload\"}"));

        assertThat(handler("/hook", 5).handle(record("value-a"))).isEqualTo(AlertRecordHandler.Outcome.DEAD_LETTERED);

        assertThat(server.received()).hasSize(1);
        assertThat(sleeps).isEmpty();
        assertThat(deadLetters).singleElement().satisfies(report -> {
            assertThat(report.attempts()).isEqualTo(1);
            assertThat(report.lastStatus()).hasValue(400);
            assertThat(report.reason()).isEqualTo("HTTP 400 ({\"error\":\"invalid_payload\"}) (not retried)");
        });
    }

    @Test
    void shouldRetryThenDeadLetterWhenTheConnectionIsRefused() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        AlertRecordHandler handler = new AlertRecordHandler(this::decode,
                new AlertDispatcher(sender("http://127.0.0.1:" + closedPort + "/hook"), PayloadFormat.JSON,
                        Optional.of(new WebhookSignature(SECRET)), policy(3), sleeps::add),
                (source, report) -> deadLetters.add(report));

        assertThat(handler.handle(record("value-a"))).isEqualTo(AlertRecordHandler.Outcome.DEAD_LETTERED);

        assertThat(deadLetters).singleElement().satisfies(report -> {
            assertThat(report.attempts()).isEqualTo(3);
            assertThat(report.lastStatus()).isEmpty();
            assertThat(report.reason()).startsWith("cannot connect to http://127.0.0.1:" + closedPort + ": ")
                    .contains("ConnectException").endsWith("after 3 attempts");
        });
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void shouldTreatAnAnswerThatIsNotHttpAsAFailure() throws Exception {
        try (ServerSocket garbage = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread responder = new Thread(() -> answerGarbage(garbage), "garbage-responder");
            responder.setDaemon(true);
            responder.start();
            AlertDispatcher dispatcher = new AlertDispatcher(
                    sender("http://127.0.0.1:" + garbage.getLocalPort() + "/hook"), PayloadFormat.JSON,
                    Optional.empty(), policy(2), sleeps::add);

            DeliveryReport report = dispatcher.deliver(anAlert("conflict-a").build());

            assertThat(report.delivered()).isFalse();
            assertThat(report.attempts()).isEqualTo(2);
            assertThat(report.lastStatus()).isEmpty();
        }
    }

    @Test
    void shouldGiveUpOnAnEndpointThatDoesNotAnswerInTime() throws Exception {
        server = WebhookTestServer.answering(request -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Reply.of(200);
        });
        AlertDispatcher dispatcher = new AlertDispatcher(
                new HttpWebhookSender(WebhookUrl.parse(server.url("/slow")), Duration.ofSeconds(1)),
                PayloadFormat.JSON, Optional.empty(), policy(1), sleeps::add);

        DeliveryReport report = dispatcher.deliver(anAlert("conflict-a").build());

        assertThat(report.delivered()).isFalse();
        assertThat(report.reason()).isEqualTo("no answer within 1 s after 1 attempt");
    }

    @Test
    void shouldDeadLetterARecordThatIsNotAnAlertWithoutSendingAnything() throws Exception {
        server = WebhookTestServer.answering(200);

        assertThat(handler("/hook", 5).handle(record("garbage"))).isEqualTo(AlertRecordHandler.Outcome.DEAD_LETTERED);

        assertThat(server.received()).isEmpty();
        assertThat(deadLetters).singleElement().satisfies(report -> {
            assertThat(report.attempts()).isZero();
            assertThat(report.reason()).startsWith("not a readable ConflictAlert");
        });
    }

    @Test
    void shouldSkipTombstones() throws Exception {
        server = WebhookTestServer.answering(200);

        assertThat(handler("/hook", 5).handle(record(null))).isEqualTo(AlertRecordHandler.Outcome.SKIPPED);

        assertThat(server.received()).isEmpty();
        assertThat(deadLetters).isEmpty();
    }

    @Test
    void shouldLeaveTheAlertUnhandledWhenStoppedDuringABackoff() throws Exception {
        server = WebhookTestServer.answering(503);
        AlertRecordHandler handler = new AlertRecordHandler(this::decode,
                new AlertDispatcher(sender(server.url("/hook")), PayloadFormat.JSON, Optional.empty(), policy(5),
                        delay -> {
                            throw new InterruptedException("stopping");
                        }),
                (source, report) -> deadLetters.add(report));

        assertThatThrownBy(() -> handler.handle(record("value-a"))).isInstanceOf(InterruptedException.class);

        assertThat(server.received()).hasSize(1);
        assertThat(deadLetters).isEmpty();
    }

    private AlertRecordHandler handler(String path, int maxAttempts) {
        return new AlertRecordHandler(this::decode, dispatcher(path, maxAttempts),
                (source, report) -> deadLetters.add(report));
    }

    private AlertDispatcher dispatcher(String path, int maxAttempts) {
        return new AlertDispatcher(sender(server.url(path)), PayloadFormat.JSON,
                Optional.of(new WebhookSignature(SECRET)), policy(maxAttempts), delay -> {
                    sleeps.add(delay);
                    clock.advance(delay);
                }, clock);
    }

    private static HttpWebhookSender sender(String url) {
        return new HttpWebhookSender(WebhookUrl.parse(url), Duration.ofSeconds(5));
    }

    private static RetryPolicy policy(int maxAttempts) {
        return new RetryPolicy(maxAttempts, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofMinutes(5),
                new Random(7));
    }

    private ConflictAlert decode(String topic, byte[] value) {
        ConflictAlert alert = alertsByValue.get(new String(value, StandardCharsets.UTF_8));
        if (alert == null) {
            throw new SerializationException("unknown magic byte");
        }
        return alert;
    }

    private static ConsumerRecord<byte[], byte[]> record(String value) {
        return new ConsumerRecord<>(Topics.POLICY_ALERTS, 0, 7L, "key".getBytes(StandardCharsets.UTF_8),
                value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * What a receiver does (docs/alerts.md): refuse a timestamp more than five minutes from its clock, recompute
     * the HMAC of {@code timestamp "." body} and compare in constant time.
     */
    private static boolean signatureMatches(Received request, Instant receiverNow) {
        try {
            String timestamp = request.header("X-Policy-Radar-Timestamp");
            String given = request.header("X-Policy-Radar-Signature");
            if (timestamp == null || given == null
                    || Math.abs(receiverNow.getEpochSecond() - Long.parseLong(timestamp)) > 300) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            String expected = "v1=" + HexFormat.of().formatHex(mac.doFinal(request.body()));
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    given.getBytes(StandardCharsets.US_ASCII));
        } catch (Exception e) {
            return false;
        }
    }

    private boolean signatureMatches(Received request) {
        return signatureMatches(request, clock.instant());
    }

    /** A clock that stands still until told to move on. */
    private static final class SteppingClock extends Clock {
        private volatile Instant now;

        SteppingClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private static void answerGarbage(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                InputStream in = socket.getInputStream();
                in.read(new byte[8192]);
                OutputStream out = socket.getOutputStream();
                out.write("this is not HTTP at all\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException e) {
                return;
            }
        }
    }
}
