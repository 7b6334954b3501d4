package org.policyradar.registry.client;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Retries with backoff on 5xx answers and connection failures, and none on 4xx refusals. */
class RetryTest {

    private static final String SCHEMA_ANSWER = "{\"schema\":\"\\\"string\\\"\"}";

    private HttpServer stub;
    private final Deque<Integer> statuses = new ConcurrentLinkedDeque<>();
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void startStub() throws IOException {
        stub = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stub.createContext("/", exchange -> {
            requests.incrementAndGet();
            Integer status = statuses.poll();
            int code = status == null ? 200 : status;
            byte[] body = (code == 200 ? SCHEMA_ANSWER
                    : "{\"error_code\":" + (code == 503 ? 50003 : code) + ",\"message\":\"stub says " + code + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
            exchange.sendResponseHeaders(code, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        stub.start();
    }

    @AfterEach
    void stopStub() {
        stub.stop(0);
    }

    private String stubUrl() {
        return "http://127.0.0.1:" + stub.getAddress().getPort();
    }

    private static Map<String, Object> retries(int maxRetries) {
        return Map.of(SchemaRegistryClientConfig.MAX_RETRIES, maxRetries,
                SchemaRegistryClientConfig.RETRIES_WAIT_MS, "5",
                SchemaRegistryClientConfig.RETRIES_MAX_WAIT_MS, 20);
    }

    @Test
    void shouldRetryUntilTheRegistryRecovers() throws Exception {
        statuses.addAll(List.of(503, 503));
        CachedSchemaRegistryClient client = new CachedSchemaRegistryClient(stubUrl(), retries(3));

        assertThat(client.getSchemaById(1).getType().getName()).isEqualTo("string");
        assertThat(requests.get()).isEqualTo(3);
    }

    @Test
    void shouldGiveUpAfterTheLastRetryWithTheLastAnswer() {
        statuses.addAll(List.of(503, 503, 503, 503));
        CachedSchemaRegistryClient client = new CachedSchemaRegistryClient(stubUrl(), retries(2));

        assertThatThrownBy(() -> client.getSchemaById(1))
                .isInstanceOfSatisfying(RestClientException.class, e -> {
                    assertThat(e.getStatus()).isEqualTo(503);
                    assertThat(e.getErrorCode()).isEqualTo(50003);
                });
        assertThat(requests.get()).isEqualTo(3);
    }

    @Test
    void shouldNotRetryARefusal() {
        statuses.add(404);
        CachedSchemaRegistryClient client = new CachedSchemaRegistryClient(stubUrl(), retries(3));

        assertThatThrownBy(() -> client.getSchemaById(1)).isInstanceOf(RestClientException.class);
        assertThat(requests.get()).isEqualTo(1);
    }

    @Test
    void shouldDescribeAnAnswerThatIsNotConfluentShaped() throws IOException {
        HttpServer plain = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        plain.createContext("/", exchange -> {
            byte[] body = "<html>gateway says no</html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(403, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        plain.start();
        try {
            CachedSchemaRegistryClient client = new CachedSchemaRegistryClient(
                    "http://127.0.0.1:" + plain.getAddress().getPort(), retries(0));

            assertThatThrownBy(() -> client.getSchemaById(1))
                    .isInstanceOfSatisfying(RestClientException.class, e -> {
                        assertThat(e.getStatus()).isEqualTo(403);
                        assertThat(e.getErrorCode()).isEqualTo(403);
                        assertThat(e.getMessage()).contains("gateway says no");
                    });
        } finally {
            plain.stop(0);
        }
    }

    @Test
    void shouldFailWithIOExceptionWhenNothingListens() throws IOException {
        CachedSchemaRegistryClient client = new CachedSchemaRegistryClient(deadUrl(), retries(2));

        assertThatThrownBy(() -> client.getSchemaById(1))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("after 3 attempts");
    }

    @Test
    void shouldFailOverToTheNextUrl() throws Exception {
        CachedSchemaRegistryClient client = new CachedSchemaRegistryClient(deadUrl() + "," + stubUrl(), retries(1));

        assertThat(client.getSchemaById(1).getType().getName()).isEqualTo("string");
        assertThat(requests.get()).isEqualTo(1);
    }

    @Test
    void shouldDoubleTheWaitUpToTheMaximum() {
        RetryPolicy policy = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000));

        assertThat(policy.waitBefore(0)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.waitBefore(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.waitBefore(3)).isEqualTo(Duration.ofMillis(800));
        assertThat(policy.waitBefore(4)).isEqualTo(Duration.ofMillis(1000));
        assertThat(policy.waitBefore(40)).isEqualTo(Duration.ofMillis(1000));
    }

    /** A local URL on which nothing listens. */
    private static String deadUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }
}
