package org.policyradar.registry.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends JSON requests to the registry over the JDK's HTTP client, with basic authentication, retries with
 * exponential backoff on connection failures and 5xx answers, and fail-over between several base URLs.
 */
final class RestTransport {

    private static final Logger LOG = LoggerFactory.getLogger(RestTransport.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; q=0.9, application/json; q=0.5";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> baseUrls;
    private final String authorization;
    private final RetryPolicy retry;
    private final Duration requestTimeout;
    private final HttpClient http;
    /** The base URL that answered last; requests start there and move on when it fails. */
    private final AtomicInteger current = new AtomicInteger();

    RestTransport(List<String> baseUrls, String authorization, SSLContext sslContext, RetryPolicy retry,
                  Duration connectTimeout, Duration requestTimeout) {
        this.baseUrls = baseUrls.stream().map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u).toList();
        this.authorization = authorization;
        this.retry = retry;
        this.requestTimeout = requestTimeout;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout);
        if (sslContext != null) {
            builder.sslContext(sslContext);
        }
        this.http = builder.build();
    }

    /** Encodes a subject (or any value) as one path segment. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * Sends a request and answers the parsed JSON body of a 2xx answer.
     *
     * @param pathAndQuery e.g. {@code /subjects/a-value/versions}, segments already encoded
     * @param body         the JSON body, or null for none
     */
    JsonNode send(String method, String pathAndQuery, JsonNode body) throws IOException, RestClientException {
        byte[] payload = body == null ? null : JSON.writeValueAsBytes(body);
        Exception last = null;
        for (int attempt = 0; attempt <= retry.maxRetries(); attempt++) {
            if (attempt > 0) {
                pause(retry.waitBefore(attempt - 1));
            }
            int urlIndex = current.get();
            String url = baseUrls.get(urlIndex % baseUrls.size()) + pathAndQuery;
            HttpResponse<byte[]> response;
            try {
                response = http.send(request(method, url, payload), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                last = e;
                current.compareAndSet(urlIndex, (urlIndex + 1) % baseUrls.size());
                LOG.debug("{} {} failed: {}; attempt {} of {}", method, url, e.toString(), attempt + 1,
                        retry.maxRetries() + 1);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while calling the Schema Registry at " + url, e);
            }
            if (response.statusCode() / 100 == 2) {
                return parse(response.body(), url);
            }
            RestClientException refusal = refusal(response);
            if (response.statusCode() < 500) {
                throw refusal;
            }
            last = refusal;
            LOG.debug("{} {} answered {}; attempt {} of {}", method, url, response.statusCode(),
                    attempt + 1, retry.maxRetries() + 1);
        }
        if (last instanceof RestClientException refusal) {
            throw refusal;
        }
        throw new IOException("Schema Registry unreachable at " + baseUrls + " after " + (retry.maxRetries() + 1)
                + " attempts: " + last, last);
    }

    private HttpRequest request(String method, String url, byte[] payload) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
                .timeout(requestTimeout)
                .header("Accept", ACCEPT);
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (payload != null) {
            builder.header("Content-Type", CONTENT_TYPE);
            builder.method(method, HttpRequest.BodyPublishers.ofByteArray(payload));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return builder.build();
    }

    private static JsonNode parse(byte[] body, String url) throws IOException {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IOException("Unreadable answer from the Schema Registry at " + url + ": " + e.getMessage(), e);
        }
    }

    private static RestClientException refusal(HttpResponse<byte[]> response) {
        int status = response.statusCode();
        String text = new String(response.body(), StandardCharsets.UTF_8);
        try {
            JsonNode error = JSON.readTree(text);
            if (error != null && error.has("error_code")) {
                return new RestClientException(error.path("message").asText(""), status, error.get("error_code").asInt());
            }
        } catch (IOException e) {
            // not a Confluent-shaped error; described from the status below
        }
        String snippet = text.length() > 200 ? text.substring(0, 200) + "..." : text;
        return new RestClientException("HTTP " + status + (snippet.isBlank() ? "" : ": " + snippet), status, status);
    }

    private static void pause(Duration wait) throws IOException {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting to retry a Schema Registry request", e);
        }
    }
}
