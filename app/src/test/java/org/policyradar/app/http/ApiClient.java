package org.policyradar.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small HTTP client for the tests: GETs a path of one instance and reads the answer. */
final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final URI base;

    ApiClient(URI base) {
        this.base = base;
    }

    /** An answer: the status, the content type and the body. */
    record Answer(int status, String contentType, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }

    Answer get(String pathAndQuery) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(base.resolve(pathAndQuery))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + pathAndQuery + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GETs a path that must answer 200 with JSON. */
    JsonNode json(String pathAndQuery) {
        Answer answer = get(pathAndQuery);
        if (answer.status() != 200) {
            throw new AssertionError("GET " + pathAndQuery + " answered " + answer.status() + ": " + answer.body());
        }
        return answer.json();
    }
}
