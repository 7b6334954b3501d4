package org.policyradar.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.Schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Calls a Schema Registry's REST API the way any HTTP client would, with {@code java.net.http}, so that the
 * tests see the exact status codes and JSON bodies the server answers (the project's client would turn them
 * into exceptions and cache the answers).
 */
public final class RegistryHttp {

    /** A status code and the JSON body that came with it. */
    public record Answer(int status, JsonNode body) {

        /** The body, after checking that the status is 200. */
        public JsonNode ok() {
            if (status != 200) {
                throw new AssertionError("Expected HTTP 200 but the registry answered " + status + ": " + body);
            }
            return body;
        }

        /** Confluent's {@code error_code} of a refusal, or -1 when the body has none. */
        public int errorCode() {
            return body.path("error_code").asInt(-1);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public RegistryHttp(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** {@code POST /subjects/{subject}/versions} with an Avro schema; answers the id. */
    public int register(String subject, Schema schema) {
        ObjectNode body = JSON.createObjectNode().put("schema", schema.toString());
        return post("/subjects/" + encode(subject) + "/versions", body).ok().path("id").asInt();
    }

    public Answer get(String path) {
        return send(request(path).GET());
    }

    public Answer post(String path, JsonNode body) {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    public Answer put(String path, JsonNode body) {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    public Answer delete(String path) {
        return send(request(path).DELETE());
    }

    /** A subject name as a path segment. */
    public static String encode(String subject) {
        return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(TIMEOUT)
                .header("Accept", CONTENT_TYPE)
                .header("Content-Type", CONTENT_TYPE);
    }

    private Answer send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String text = response.body();
            JsonNode body = text == null || text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
            return new Answer(response.statusCode(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during " + built.method() + " " + built.uri(), e);
        }
    }
}
