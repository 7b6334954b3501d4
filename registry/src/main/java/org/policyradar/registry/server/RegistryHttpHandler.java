package org.policyradar.registry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Turns HTTP requests into route calls: checks basic authentication, the subject name and the request content
 * type, finds the route (404 for an unknown path, 405 for a known path with another method), refuses a body
 * over the limit with 413 before reading it, reads the body without holding a thread while it arrives, and
 * writes the answer or the error in Confluent's shape {@code {"error_code": N, "message": "..."}}.
 */
final class RegistryHttpHandler extends Handler.Abstract {

    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private static final Logger LOG = LoggerFactory.getLogger(RegistryHttpHandler.class);
    private static final Set<String> ACCEPTED_CONTENT_TYPES = Set.of(
            "application/vnd.schemaregistry.v1+json",
            "application/vnd.schemaregistry+json",
            "application/json",
            "application/octet-stream");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The answer to one request: a status and a JSON body, and whether the connection must then close. */
    private record Answer(int status, Object body, Map<String, String> headers, boolean close) {

        static Answer ok(Object body) {
            return new Answer(200, body, Map.of(), false);
        }

        static Answer error(int status, int errorCode, String message) {
            return error(status, errorCode, message, Map.of(), false);
        }

        static Answer error(int status, int errorCode, String message, Map<String, String> headers, boolean close) {
            ObjectNode body = JSON.createObjectNode();
            body.put("error_code", errorCode);
            body.put("message", message);
            return new Answer(status, body, headers, close);
        }

        /** The same answer, after which the connection closes. */
        Answer closing() {
            return new Answer(status, body, headers, true);
        }
    }

    private final List<RegistryRoutes.Route> routes;
    /** The expected "user:password" bytes, or null when no authentication is asked. */
    private final byte[] expectedUserInfo;
    private final RegistryLimits limits;
    /**
     * Requests between their headers and their answer: reading a body, waiting for a thread or being answered.
     * Reading holds no thread, so slow senders only take one of these, and there are many more of them than
     * threads; the bound keeps the bodies held in memory bounded too.
     */
    private final Semaphore inProgress;

    RegistryHttpHandler(RegistryRoutes routes, String basicAuthUserInfo, RegistryLimits limits) {
        this.routes = routes.routes();
        this.expectedUserInfo = basicAuthUserInfo == null ? null : basicAuthUserInfo.getBytes(StandardCharsets.UTF_8);
        this.limits = limits;
        this.inProgress = new Semaphore(limits.maxThreads() + limits.maxQueuedRequests());
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        String rawPath = request.getHttpURI().getPath();
        if (!inProgress.tryAcquire()) {
            Answer busy = Answer.error(503, 503, "Too many requests in progress ("
                    + (limits.maxThreads() + limits.maxQueuedRequests()) + "), retry later");
            send(request, response, callback, method, rawPath, hasBody(request) ? busy.closing() : busy);
            return true;
        }
        Callback done = Callback.from(callback, () -> inProgress.release());
        try {
            Matched matched = match(request, method, rawPath);
            if (matched.refusal() != null) {
                // a body left unread would have to be drained before the next request on this connection: the
                // client is told to open another one instead
                Answer refusal = hasBody(request) ? matched.refusal().closing() : matched.refusal();
                send(request, response, done, method, rawPath, refusal);
            } else if (method.equals("POST") || method.equals("PUT")) {
                readBodyThenAnswer(request, response, done, method, rawPath, matched);
            } else {
                send(request, response, done, method, rawPath, answer(method, rawPath, matched, RestRequest.EMPTY_BODY));
            }
        } catch (RuntimeException e) {
            LOG.error("Unexpected error answering {} {}", method, rawPath, e);
            send(request, response, done, method, rawPath, Answer.error(500, 500, "Internal Server Error"));
        }
        return true;
    }

    /** A route and its parameters, or the refusal answered instead. */
    private record Matched(RegistryRoutes.Route route, Map<String, String> pathParams, Map<String, String> query,
                           Answer refusal) {

        static Matched refused(Answer refusal) {
            return new Matched(null, null, null, refusal);
        }
    }

    private static boolean hasBody(Request request) {
        return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    private Matched match(Request request, String method, String rawPath) {
        if (!authorized(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
            return Matched.refused(Answer.error(401, 401, "Unauthorized",
                    Map.of("WWW-Authenticate", "Basic realm=\"SchemaRegistry\""), false));
        }
        List<String> segments;
        Map<String, String> query;
        try {
            segments = segments(rawPath);
            query = query(request.getHttpURI().getQuery());
        } catch (IllegalArgumentException e) {
            return Matched.refused(Answer.error(400, 400, "Malformed URI: " + e.getMessage()));
        }
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
            return Matched.refused(Answer.error(404, 404, "HTTP 404 Not Found"));
        }
        if (route == null) {
            return Matched.refused(Answer.error(405, 405, "HTTP 405 Method Not Allowed",
                    Map.of("Allow", String.join(", ", allowed)), false));
        }
        String subject = pathParams.get("subject");
        if (subject != null) {
            try {
                SubjectNames.check(subject);
            } catch (RegistryException e) {
                return Matched.refused(Answer.error(e.httpStatus(), e.errorCode(), e.getMessage()));
            }
        }
        if (method.equals("POST") || method.equals("PUT")) {
            if (!acceptedContentType(request.getHeaders().get(HttpHeader.CONTENT_TYPE))) {
                return Matched.refused(Answer.error(415, 415, "HTTP 415 Unsupported Media Type"));
            }
            long length = request.getLength();
            if (length > limits.maxBodyBytes()) {
                // answered before a byte of the body is read; the connection closes rather than drain it
                return Matched.refused(tooLarge(length + " bytes"));
            }
        }
        return new Matched(route, pathParams, query, null);
    }

    private void readBodyThenAnswer(Request request, Response response, Callback done, String method,
                                    String rawPath, Matched matched) {
        CompletableFuture<byte[]> body = new CompletableFuture<>();
        body.orTimeout(limits.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((bytes, failure) -> request.getContext().execute(() -> {
                    Answer answer;
                    if (failure != null) {
                        answer = bodyFailure(failure);
                    } else {
                        try {
                            answer = answer(method, rawPath, matched, parseBody(bytes));
                        } catch (JsonProcessingException e) {
                            answer = Answer.error(400, 400, "Unrecognized request body: " + e.getOriginalMessage());
                        } catch (RuntimeException e) {
                            LOG.error("Unexpected error answering {} {}", method, rawPath, e);
                            answer = Answer.error(500, 500, "Internal Server Error");
                        }
                    }
                    send(request, response, done, method, rawPath, answer);
                }));
        readAvailable(request, new ByteArrayOutputStream(), body);
    }

    /**
     * Reads what has arrived of a body and asks to be called again when more arrives, so that no thread waits
     * for a slow client; stops as soon as the body grows past the limit (a chunked body has no Content-Length
     * to check first).
     */
    private void readAvailable(Request request, ByteArrayOutputStream received, CompletableFuture<byte[]> body) {
        while (!body.isDone()) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                request.demand(() -> readAvailable(request, received, body));
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                body.completeExceptionally(chunk.getFailure());
                return;
            }
            ByteBuffer bytes = chunk.getByteBuffer();
            if (received.size() + (long) bytes.remaining() > limits.maxBodyBytes()) {
                chunk.release();
                body.completeExceptionally(new BodyTooLarge());
                return;
            }
            byte[] copy = new byte[bytes.remaining()];
            bytes.get(copy);
            received.write(copy, 0, copy.length);
            boolean last = chunk.isLast();
            chunk.release();
            if (last) {
                body.complete(received.toByteArray());
                return;
            }
        }
    }

    /** A body that grew past the limit while it was read. */
    private static final class BodyTooLarge extends RuntimeException {
        BodyTooLarge() {
            super(null, null, false, false);
        }
    }

    private Answer bodyFailure(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof BodyTooLarge) {
            return tooLarge("more than " + limits.maxBodyBytes() + " bytes");
        }
        if (cause instanceof TimeoutException) {
            return Answer.error(408, 408, "Request body not received within "
                    + limits.requestTimeout().toMillis() + " ms", Map.of(), true);
        }
        LOG.debug("Request body could not be read", cause);
        return Answer.error(400, 400, "Request body could not be read: " + cause.getMessage(), Map.of(), true);
    }

    private Answer tooLarge(String size) {
        return Answer.error(413, 413, "Request body too large: " + size + ", the limit is "
                + limits.maxBodyBytes() + " bytes", Map.of(), true);
    }

    private static Answer answer(String method, String rawPath, Matched matched, JsonNode body) {
        RestRequest request = new RestRequest(matched.pathParams(), matched.query(), body);
        try {
            return Answer.ok(matched.route().action().apply(request));
        } catch (RegistryException e) {
            if (e.httpStatus() >= 500) {
                LOG.warn("{} {} failed: {}", method, rawPath, e.getMessage(), e.getCause());
            }
            return Answer.error(e.httpStatus(), e.errorCode(), e.getMessage());
        }
    }

    private boolean authorized(String header) {
        if (expectedUserInfo == null) {
            return true;
        }
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

    private static JsonNode parseBody(byte[] bytes) throws JsonProcessingException {
        if (bytes.length == 0) {
            return RestRequest.EMPTY_BODY;
        }
        JsonNode node;
        try {
            node = JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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

    private static void send(Request request, Response response, Callback done, String method, String rawPath,
                             Answer answer) {
        byte[] bytes;
        try {
            bytes = answer.body() instanceof RawJson raw
                    ? raw.text().getBytes(StandardCharsets.UTF_8)
                    : JSON.writeValueAsBytes(answer.body());
        } catch (JsonProcessingException e) {
            done.failed(e);
            return;
        }
        response.setStatus(answer.status());
        answer.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        if (answer.close()) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        response.write(true, ByteBuffer.wrap(bytes), done);
        LOG.debug("{} {} -> {}", method, rawPath, answer.status());
    }
}
