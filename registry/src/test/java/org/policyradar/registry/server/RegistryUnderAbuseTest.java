package org.policyradar.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.policyradar.registry.testing.RegistryHttp;
import org.policyradar.registry.testing.RegistryHttp.Response;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyradar.registry.testing.TestData.field;
import static org.policyradar.registry.testing.TestData.pingSchema;

/**
 * The registry as an attacker or a careless client would use it: many clients that send half their headers
 * and wait, bodies of any size, a huge schema, subject names made to break logs and terminals. Each gets a
 * clear Confluent-style answer (or a closed connection), and the others are still served.
 */
class RegistryUnderAbuseTest {

    private static final String USER_INFO = "radar:s3cret";
    private static final String PING = pingSchema(field("a", "string"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaRegistryServer server;
    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void stop() {
        sockets.forEach(RegistryUnderAbuseTest::closeQuietly);
        if (server != null) {
            server.close();
        }
    }

    @Test
    void shouldAnswerAnAuthenticatedRequestWhileThirtyTwoClientsHoldHalfSentHeaders() throws Exception {
        server = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore(), USER_INFO);
        for (int i = 0; i < 32; i++) {
            Socket slow = connect();
            slow.getOutputStream().write(("GET /subjects HTTP/1.1\r\nHost: localhost\r\nAuthorization: Ba")
                    .getBytes(StandardCharsets.US_ASCII));
            slow.getOutputStream().flush();
        }

        // the JDK server this registry ran on before gave its 8 threads to the first 8 slow clients and never
        // answered; 3 s is a bound on "answered at all", not a measure of speed
        Response response = new RegistryHttp(server.url()).withBasicAuth(USER_INFO)
                .withTimeout(Duration.ofSeconds(3)).get("/subjects");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("[]");
    }

    @Test
    void shouldAnswerOthersWhileThirtyTwoClientsSendHalfTheirBodiesAndAnswerThose408() throws Exception {
        // two threads only: a client waiting for the rest of a body must not hold one
        server = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore(), null,
                RegistryLimits.DEFAULTS.withMaxThreads(2).withRequestTimeout(Duration.ofSeconds(2)));
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            Socket client = connect();
            client.getOutputStream().write(("POST /subjects/slow-value/versions HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/vnd.schemaregistry.v1+json\r\nContent-Length: 1000\r\n\r\n"
                    + "{\"schema\": ").getBytes(StandardCharsets.US_ASCII));
            client.getOutputStream().flush();
            slow.add(client);
        }

        Response register = new RegistryHttp(server.url()).withTimeout(Duration.ofSeconds(3))
                .post("/subjects/pings-value/versions", RegistryHttp.schemaBody(PING));
        Socket first = slow.get(0);
        first.setSoTimeout(10_000);
        RawResponse late = readResponse(first.getInputStream());

        assertThat(register.status()).isEqualTo(200);
        assertThat(late.status()).isEqualTo(408);
        assertThat(late.json().get("message").asText()).isEqualTo("Request body not received within 2000 ms");
        assertThat(new RegistryHttp(server.url()).get("/subjects").body()).isEqualTo("[\"pings-value\"]");
    }

    @Test
    void shouldCloseAConnectionWhoseHeadersTrickleInPastTheRequestTimeout() throws Exception {
        server = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore(), null,
                RegistryLimits.DEFAULTS.withRequestTimeout(Duration.ofMillis(300)));
        Socket slowLoris = connect();
        slowLoris.setSoTimeout(200);
        OutputStream out = slowLoris.getOutputStream();
        byte[] request = "GET /subjects HTTP/1.1\r\nHost: localhost\r\nX-Padding: ".getBytes(StandardCharsets.US_ASCII);

        // one byte every 100 ms keeps the idle timeout (30 s) from ever firing; the request timeout does not
        boolean closedByServer = false;
        for (int i = 0; i < 50 && !closedByServer; i++) {
            try {
                out.write(i < request.length ? request[i] : 'x');
                out.flush();
                int answer = slowLoris.getInputStream().read();
                assertThat(answer).as("the server closes the connection without answering the half request")
                        .isEqualTo(-1);
                closedByServer = true;
            } catch (SocketTimeoutException stillOpen) {
                // nothing to read yet: the connection is open, send the next byte
            } catch (SocketException reset) {
                closedByServer = true;
            }
        }

        assertThat(closedByServer).as("server closed the trickling connection within 50 bytes (5 s)").isTrue();
        assertThat(new RegistryHttp(server.url()).get("/subjects").status()).isEqualTo(200);
    }

    @Test
    void shouldRefuseAHundredMegabyteBodyWith413BeforeReadingIt() throws Exception {
        server = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore(), USER_INFO);
        Socket client = connect();
        client.setSoTimeout(5_000);

        // only the headers are sent: the answer must come without the body being read
        client.getOutputStream().write(("POST /subjects/pings-value/versions HTTP/1.1\r\nHost: localhost\r\n"
                + "Authorization: " + basic(USER_INFO) + "\r\n"
                + "Content-Type: application/vnd.schemaregistry.v1+json\r\n"
                + "Content-Length: " + (100L * 1024 * 1024) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        client.getOutputStream().write(("{\"schema\":" + JSON.writeValueAsString(PING) + ",\"padding\":[")
                .getBytes(StandardCharsets.UTF_8));
        client.getOutputStream().flush();
        RawResponse response = readResponse(client.getInputStream());

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("error_code").asInt()).isEqualTo(413);
        assertThat(response.json().get("message").asText())
                .isEqualTo("Request body too large: 104857600 bytes, the limit is 4194304 bytes");
        assertThat(new RegistryHttp(server.url()).withBasicAuth(USER_INFO).get("/subjects").body()).isEqualTo("[]");
    }

    @Test
    void shouldRefuseAChunkedBodyOverTheLimitWith413() throws Exception {
        int limit = 64 * 1024;
        server = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore(), null,
                RegistryLimits.DEFAULTS.withMaxSchemaBytes(limit).withMaxBodyBytes(limit));
        Socket client = connect();
        client.setSoTimeout(5_000);
        OutputStream out = client.getOutputStream();
        out.write(("POST /subjects/pings-value/versions HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/vnd.schemaregistry.v1+json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = ("[" + "1,".repeat(4095) + "1]").getBytes(StandardCharsets.US_ASCII);
        // 20 chunks of 8 KiB: well over the limit, and small enough for the socket buffers once the server stops
        // reading
        for (int i = 0; i < 20; i++) {
            out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(chunk);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
        RawResponse response = readResponse(client.getInputStream());

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("message").asText())
                .isEqualTo("Request body too large: more than 65536 bytes, the limit is 65536 bytes");
        assertThat(new RegistryHttp(server.url()).get("/subjects").body()).isEqualTo("[]");
    }

    @Test
    void shouldAcceptAChunkedBodyWithinTheLimit() throws Exception {
        server = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());
        Socket client = connect();
        client.setSoTimeout(5_000);
        byte[] body = RegistryHttp.schemaBody(PING).getBytes(StandardCharsets.UTF_8);
        OutputStream out = client.getOutputStream();
        out.write(("POST /subjects/pings-value/versions HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/vnd.schemaregistry.v1+json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(body.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.write("\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();

        RawResponse response = readResponse(client.getInputStream());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().toString()).isEqualTo("{\"id\":1}");
    }

    @Test
    void shouldRefuseATwoMegabyteSchemaWith422AndSchemaTooLarge() throws Exception {
        server = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());
        RegistryHttp http = new RegistryHttp(server.url());
        String fields = IntStream.range(0, 60_000)
                .mapToObj(i -> field("field_number_" + i, "string"))
                .collect(Collectors.joining(","));
        String huge = pingSchema(fields);
        assertThat(huge.length()).isGreaterThan(2_000_000);

        Response response = http.post("/subjects/pings-value/versions", RegistryHttp.schemaBody(huge));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorCode()).isEqualTo(RegistryException.SCHEMA_TOO_LARGE);
        assertThat(response.json().get("message").asText())
                .isEqualTo("Schema too large: " + huge.length() + " bytes (UTF-8), the limit is 262144 bytes");
        assertThat(http.get("/subjects").body()).isEqualTo("[]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"crlf%0D%0AINFO%20forged%20log%20line", "bidi%E2%80%AEtxt.exe",
            "zero%E2%80%8Bwidth", "escape%1B%5B31m", "%20%20"})
    void shouldRefuseSubjectsThatAreNotPrintableWith422(String encodedSubject) throws Exception {
        server = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());
        RegistryHttp http = new RegistryHttp(server.url());

        Response register = http.post("/subjects/" + encodedSubject + "/versions", RegistryHttp.schemaBody(PING));
        Response read = http.get("/subjects/" + encodedSubject + "/versions");

        assertThat(register.status()).isEqualTo(422);
        assertThat(register.errorCode()).isEqualTo(RegistryException.INVALID_SUBJECT);
        assertThat(register.json().get("message").asText()).startsWith("Invalid subject: ");
        assertThat(read.errorCode()).isEqualTo(RegistryException.INVALID_SUBJECT);
        assertThat(http.get("/subjects").body()).isEqualTo("[]");
    }

    @Test
    void shouldRefuseANulInASubjectWith400BeforeItReachesTheRegistry() throws Exception {
        // Jetty refuses an encoded NUL anywhere in a path, before any handler sees the request
        server = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());
        RegistryHttp http = new RegistryHttp(server.url());

        Response register = http.post("/subjects/nul%00inside/versions", RegistryHttp.schemaBody(PING));

        assertThat(register.status()).isEqualTo(400);
        assertThat(register.contentType()).isEqualTo(RegistryHttp.V1_JSON);
        assertThat(register.errorCode()).isEqualTo(400);
        assertThat(http.get("/subjects").body()).isEqualTo("[]");
    }

    @Test
    void shouldRefuseASubjectOverTwoHundredFiftyFiveBytes() throws Exception {
        server = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());
        RegistryHttp http = new RegistryHttp(server.url());

        Response sevenThousand = http.post("/subjects/" + "s".repeat(7_000) + "/versions",
                RegistryHttp.schemaBody(PING));
        Response twoHundredFiftySix = http.post("/subjects/" + "s".repeat(256) + "/versions",
                RegistryHttp.schemaBody(PING));
        // 'é' is two bytes of UTF-8: 128 of them are 256 bytes though only 128 characters
        Response accents = http.post("/subjects/" + "%C3%A9".repeat(128) + "/versions",
                RegistryHttp.schemaBody(PING));

        assertThat(sevenThousand.status()).isEqualTo(422);
        assertThat(sevenThousand.json().get("message").asText())
                .isEqualTo("Invalid subject: 7000 bytes long, the limit is 255 bytes (UTF-8)");
        assertThat(twoHundredFiftySix.errorCode()).isEqualTo(RegistryException.INVALID_SUBJECT);
        assertThat(accents.errorCode()).isEqualTo(RegistryException.INVALID_SUBJECT);
        assertThat(http.get("/subjects").body()).isEqualTo("[]");
    }

    @Test
    void shouldAcceptPrintableSubjectsUpToTwoHundredFiftyFiveBytes() throws Exception {
        server = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());
        RegistryHttp http = new RegistryHttp(server.url());
        String longest = "s".repeat(255);

        http.register(longest, PING);
        http.register("d%C3%A9cisions-%E6%94%BF%E7%AD%96.value", PING);

        assertThat(http.get("/subjects").json()).extracting(JsonNode::asText)
                .containsExactly("décisions-政策.value", longest);
    }

    @Test
    void shouldAnswerHeadersOverTheServersLimitInConfluentsErrorShape() throws Exception {
        server = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());
        Socket client = connect();
        client.setSoTimeout(5_000);
        client.getOutputStream().write(("GET /subjects HTTP/1.1\r\nHost: localhost\r\nX-Big: " + "x".repeat(20_000)
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        client.getOutputStream().flush();

        RawResponse response = readResponse(client.getInputStream());

        assertThat(response.status()).isEqualTo(431);
        assertThat(response.json().get("error_code").asInt()).isEqualTo(431);
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        sockets.add(socket);
        socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 2_000);
        return socket;
    }

    private static String basic(String userInfo) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    /** A status and a JSON body read off a raw socket (the answer of a request sent by hand). */
    private record RawResponse(int status, JsonNode json) {
    }

    private static RawResponse readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before the answer's headers: " + head);
            }
            head.write(b);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        int length = -1;
        for (String line : lines) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        if (length < 0) {
            throw new IOException("answer without Content-Length: " + head);
        }
        return new RawResponse(status, JSON.readTree(in.readNBytes(length)));
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // the test is over
        }
    }
}
