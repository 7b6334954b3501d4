package org.policyradar.app.alerts;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A webhook receiver on 127.0.0.1 (a free port) that records every request and answers as a script says.
 */
public final class WebhookTestServer implements AutoCloseable {

    /** A request as received. */
    public record Received(String path, Map<String, List<String>> headers, byte[] body) {

        public String header(String name) {
            return headers.entrySet().stream()
                    .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0))
                    .findFirst().orElse(null);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** An answer: status, extra headers, body. */
    public record Reply(int status, Map<String, String> headers, String body) {

        public static Reply of(int status) {
            return new Reply(status, Map.of(), "");
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** @param script given the request and how many came before it, the answer */
    public WebhookTestServer(ScriptedReplies script) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> answer(exchange, script));
        server.start();
    }

    /** A server that gives every request the same answer. */
    public static WebhookTestServer answering(int status) throws IOException {
        return new WebhookTestServer((request, index) -> Reply.of(status));
    }

    /** A server whose answer depends on the request only. */
    public static WebhookTestServer answering(Function<Received, Reply> script) throws IOException {
        return new WebhookTestServer((request, index) -> script.apply(request));
    }

    /** Decides the answer to a request. */
    @FunctionalInterface
    public interface ScriptedReplies {
        Reply reply(Received request, int index);
    }

    private void answer(HttpExchange exchange, ScriptedReplies script) throws IOException {
        try (exchange) {
            Received request = new Received(exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes());
            int index;
            synchronized (received) {
                index = received.size();
                received.add(request);
            }
            Reply reply = script.reply(request, index);
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    /** The URL of {@code path} on this server. */
    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Every request so far, in order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
