package org.policyradar.registry.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Plain HTTP calls to a registry, as curl would make them, so that tests see the exact status, headers and
 * JSON the server sends (independently of the project's client). The registry's own, with headers, raw bodies,
 * basic auth and timeouts for the server's tests; the modules above the registry use the testkit's.
 */
public final class RegistryHttp {

    public static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An answer: status, content type, raw body and the body as JSON (null when it is not JSON). */
    public record Response(int status, String contentType, String body, JsonNode json,
                           java.net.http.HttpHeaders headers) {

        public int errorCode() {
            return json.path("error_code").asInt();
        }
    }

    private final String baseUrl;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public RegistryHttp(String baseUrl) {
        this(baseUrl, null, Duration.ofSeconds(10));
    }

    private RegistryHttp(String baseUrl, String authorization, Duration timeout) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
        this.timeout = timeout;
    }

    /** The same calls with basic authentication. */
    public RegistryHttp withBasicAuth(String userInfo) {
        return new RegistryHttp(baseUrl, "Basic " + Base64.getEncoder()
                .encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)), timeout);
    }

    /** The same calls, failing with an {@link UncheckedIOException} when no answer comes within {@code timeout}. */
    public RegistryHttp withTimeout(Duration timeout) {
        return new RegistryHttp(baseUrl, authorization, timeout);
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    public Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Response post(String path, String body) {
        return send("POST", path, body, V1_JSON);
    }

    public Response put(String path, String body) {
        return send("PUT", path, body, V1_JSON);
    }

    /** Registers a schema and answers the id, failing the test if the registry refuses. */
    public int register(String subject, String schema) {
        Response response = post("/subjects/" + subject + "/versions", schemaBody(schema));
        if (response.status() != 200) {
            throw new AssertionError("registration refused: " + response.status() + " " + response.body());
        }
        return response.json().get("id").asInt();
    }

    /** {@code {"schema": "<schema>"}}. */
    public static String schemaBody(String schema) {
        ObjectNode body = JSON.createObjectNode();
        body.put("schema", schema);
        return body.toString();
    }

    /** Any request; {@code contentType} null sends none. */
    public Response send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(timeout)
                .method(method, body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json;
            try {
                json = JSON.readTree(response.body());
            } catch (IOException e) {
                json = null;
            }
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.body(), json, response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
