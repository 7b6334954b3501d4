package org.policyradar.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another instance of the application for the part of the state it owns, over its HTTP API, always with
 * {@code local=true} so that the other instance answers from its own stores and never forwards again.
 */
final class PeerClient {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final ObjectMapper json;

    PeerClient(ObjectMapper json) {
        this.json = json;
    }

    /**
     * GETs {@code path} (with {@code query} and {@code local=true}) from {@code host}.
     *
     * @return the JSON answer, or empty on 404
     * @throws ApiException 502 when the instance cannot be reached or answers anything but 200 or 404
     */
    Optional<JsonNode> get(HostInfo host, String path, Map<String, String> query) {
        URI uri = uri(host, path, query);
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw ApiException.badGateway("Instance " + host.host() + ":" + host.port()
                    + " did not answer " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.badGateway("Interrupted while asking " + host.host() + ":" + host.port(), e);
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new ApiException(response.statusCode() == 503 ? 503 : 502, "Instance " + host.host() + ":"
                    + host.port() + " answered " + path + " with HTTP " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        }
        try {
            return Optional.of(json.readTree(response.body()));
        } catch (IOException e) {
            throw ApiException.badGateway("Instance " + host.host() + ":" + host.port()
                    + " answered " + path + " with something that is not JSON", e);
        }
    }

    static URI uri(HostInfo host, String path, Map<String, String> query) {
        String params = query.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return URI.create("http://" + host.host() + ":" + host.port() + path + "?"
                + (params.isEmpty() ? "" : params + "&") + "local=true");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String body) {
        return body.length() <= 300 ? body : body.substring(0, 300) + "...";
    }
}
