package org.policyradar.producer;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Feed documents from {@code src/test/resources/feeds} and a real local HTTP server that serves them. */
final class TestFeeds {

    private TestFeeds() {
    }

    /** The bytes of {@code feeds/<name>}. */
    static byte[] feed(String name) {
        try (InputStream in = TestFeeds.class.getResourceAsStream("/feeds/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test feed " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String feedText(String name) {
        return new String(feed(name), StandardCharsets.UTF_8);
    }

    /** The XXE test feed, its external entity pointing at {@code secretFile}. */
    static byte[] xxeFeedReading(URI secretFile) {
        return feedText("xxe.rss").replace("@SECRET_FILE_URI@", secretFile.toString()).getBytes(StandardCharsets.UTF_8);
    }

    /** An RSS 2.0 document around the given {@code <item>} elements. */
    static byte[] rssWithItems(String channelTitle, String... items) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>");
        if (channelTitle != null) {
            xml.append("<title>").append(channelTitle).append("</title>");
        }
        xml.append("<link>https://example.org/</link><description>test</description>");
        for (String item : items) {
            xml.append(item);
        }
        return xml.append("</channel></rss>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The headers of one request the server received. */
    record Request(String path, String ifNoneMatch, String ifModifiedSince, String userAgent) {
    }

    /**
     * An HTTP server on a free port of the loopback interface serving one feed at {@code /feed} (and a redirect to
     * it at {@code /moved}, redirects to a missing page at {@code /moved-away} and to itself at {@code /loop}, and {@code /slow}, which does not answer until the server closes). It answers conditional requests with 304 when the validators match, unless told to
     * ignore them, and can be told to fail with a status.
     */
    static final class FeedServer implements AutoCloseable {
        private final HttpServer server;
        private final List<Request> requests = new CopyOnWriteArrayList<>();
        private final CountDownLatch released = new CountDownLatch(1);
        private final ExecutorService executor = Executors.newCachedThreadPool();
        private volatile byte[] body = new byte[0];
        private volatile String etag;
        private volatile String lastModified;
        private volatile int failWith;
        private volatile boolean honourValidators = true;

        FeedServer() {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server.createContext("/feed", this::serveFeed);
            server.createContext("/slow", exchange -> {
                record(exchange);
                try {
                    // answers only when the server closes: longer than any client deadline in the tests
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
            });
            server.setExecutor(executor);
            server.createContext("/moved", exchange -> {
                record(exchange);
                exchange.getResponseHeaders().add("Location", "/feed");
                exchange.sendResponseHeaders(301, -1);
                exchange.close();
            });
            // a redirect to a page that is not there, and one to itself
            server.createContext("/moved-away", exchange -> {
                record(exchange);
                exchange.getResponseHeaders().add("Location", "/missing");
                exchange.sendResponseHeaders(301, -1);
                exchange.close();
            });
            server.createContext("/loop", exchange -> {
                record(exchange);
                exchange.getResponseHeaders().add("Location", "/loop");
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
            });
            server.start();
        }

        /** Serves {@code content} from now on with the given validators (either may be null). */
        FeedServer serving(byte[] content, String etag, String lastModified) {
            this.body = content;
            this.etag = etag;
            this.lastModified = lastModified;
            this.failWith = 0;
            return this;
        }

        /** Answers every request with {@code status} and an error page until {@link #serving} is called. */
        FeedServer failingWith(int status) {
            this.failWith = status;
            return this;
        }

        /** Whether a matching If-None-Match / If-Modified-Since gets a 304 (true by default). */
        FeedServer honouringValidators(boolean honour) {
            this.honourValidators = honour;
            return this;
        }

        URI feedUri() {
            return uri("/feed");
        }

        URI uri(String path) {
            return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + path);
        }

        List<Request> requests() {
            return List.copyOf(requests);
        }

        Request lastRequest() {
            return requests.get(requests.size() - 1);
        }

        private void serveFeed(HttpExchange exchange) throws IOException {
            record(exchange);
            Headers request = exchange.getRequestHeaders();
            if (failWith != 0) {
                send(exchange, failWith, "<html><body>Something broke</body></html>".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (etag != null) {
                exchange.getResponseHeaders().add("ETag", etag);
            }
            if (lastModified != null) {
                exchange.getResponseHeaders().add("Last-Modified", lastModified);
            }
            boolean etagMatches = etag != null && etag.equals(request.getFirst("If-None-Match"));
            boolean dateMatches = lastModified != null && lastModified.equals(request.getFirst("If-Modified-Since"));
            if (honourValidators && (etagMatches || (request.getFirst("If-None-Match") == null && dateMatches))) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml; charset=utf-8");
            send(exchange, 200, body);
        }

        private void record(HttpExchange exchange) {
            Headers h = exchange.getRequestHeaders();
            requests.add(new Request(exchange.getRequestURI().getPath(), h.getFirst("If-None-Match"),
                    h.getFirst("If-Modified-Since"), h.getFirst("User-Agent")));
        }

        private static void send(HttpExchange exchange, int status, byte[] content) throws IOException {
            exchange.sendResponseHeaders(status, content.length == 0 ? -1 : content.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(content);
            }
        }

        @Override
        public void close() {
            released.countDown();
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
