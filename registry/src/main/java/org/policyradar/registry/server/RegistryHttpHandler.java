package org.policyradar.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns HTTP exchanges into route calls: checks basic authentication and the request content type, finds the
 * route (404 for an unknown path, 405 for a known path with another method), and writes the answer or the
 * error in Confluent's shape {@code {"error_code": N, "message": "..."}}.
 */
final class RegistryHttpHandler implements HttpHandler {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final Logger LOG = LoggerFactory.getLogger(RegistryHttpHandler.class);
    private static final Set<String> ACCEPTED_CONTENT_TYPES = Set.of(
            "application/vnd.schemaregistry.v1+json",
            "application/vnd.schemaregistry+json",
            "application/json",
            "application/octet-stream");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<RegistryRoutes.Route> routes;
    /** The expected "user:password" bytes, or null when no authentication is asked. */
    private final byte[] expectedUserInfo;

    RegistryHttpHandler(RegistryRoutes routes, String basicAuthUserInfo) {
        this.routes = routes.routes();
        this.expectedUserInfo = basicAuthUserInfo == null ? null : basicAuthUserInfo.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getRawPath();
        int status;
        try {
            status = respond(exchange, method, path);
        } catch (RuntimeException e) {
            LOG.error("Unexpected error answering {} {}", method, path, e);
            status = sendError(exchange, 500, 500, "Internal Server Error");
        } finally {
            exchange.close();
        }
        LOG.debug("{} {} -> {}", method, path, status);
    }

    private int respond(HttpExchange exchange, String method, String rawPath) throws IOException {
        if (!authorized(exchange)) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"SchemaRegistry\"");
            return sendError(exchange, 401, 401, "Unauthorized");
        }
        List<String> segments = segments(rawPath);
        RegistryRoutes.Route route = null;
        Map<String, String> pathParams = null;
        Set<String> allowed = new TreeSet<>();
        for (RegistryRoutes.Route candidate : routes) {
            Optional<Map<String, String>> params = candidate.match(segments);
            if (params.isPresent()) {
                allowed.add(candidate.method());
                if (candidate.method().equals(method)) {
                    route = candidate;
                    pathParams = params.get();
                }
            }
        }
        if (allowed.isEmpty()) {
            return sendError(exchange, 404, 404, "HTTP 404 Not Found");
        }
        if (route == null) {
            exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
            return sendError(exchange, 405, 405, "HTTP 405 Method Not Allowed");
        }
        JsonNode body = RestRequest.EMPTY_BODY;
        if (method.equals("POST") || method.equals("PUT")) {
            if (!acceptedContentType(exchange.getRequestHeaders().getFirst("Content-Type"))) {
                return sendError(exchange, 415, 415, "HTTP 415 Unsupported Media Type");
            }
            try {
                body = readBody(exchange.getRequestBody());
            } catch (JsonProcessingException e) {
                return sendError(exchange, 400, 400, "Unrecognized request body: " + e.getOriginalMessage());
            }
        }
        RestRequest request = new RestRequest(pathParams, query(exchange.getRequestURI().getRawQuery()), body);
        try {
            return send(exchange, 200, route.action().apply(request));
        } catch (RegistryException e) {
            if (e.httpStatus() >= 500) {
                LOG.warn("{} {} failed: {}", method, rawPath, e.getMessage(), e.getCause());
            }
            return sendError(exchange, e.httpStatus(), e.errorCode(), e.getMessage());
        }
    }

    private boolean authorized(HttpExchange exchange) {
        if (expectedUserInfo == null) {
            return true;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(header.substring(6).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(given, expectedUserInfo);
    }

    private static boolean acceptedContentType(String header) {
        if (header == null || header.isBlank()) {
            return true;
        }
        String type = header.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return ACCEPTED_CONTENT_TYPES.contains(type);
    }

    private static JsonNode readBody(InputStream in) throws IOException {
        byte[] bytes = in.readAllBytes();
        if (bytes.length == 0) {
            return RestRequest.EMPTY_BODY;
        }
        JsonNode node = JSON.readTree(bytes);
        if (node == null || node.isMissingNode()) {
            return RestRequest.EMPTY_BODY;
        }
        if (!node.isObject()) {
            throw new com.fasterxml.jackson.core.JsonParseException(null, "the body must be a JSON object");
        }
        return node;
    }

    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(decode(segment));
            }
        }
        return segments;
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "true" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }

    /** Percent-decodes a path segment; a '+' in a path is a plus sign, not a space. */
    private static String decode(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static int sendError(HttpExchange exchange, int status, int errorCode, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("error_code", errorCode);
        body.put("message", message);
        return send(exchange, status, body);
    }

    private static int send(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = body instanceof RawJson raw
                ? raw.text().getBytes(StandardCharsets.UTF_8)
                : JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        return status;
    }
}
