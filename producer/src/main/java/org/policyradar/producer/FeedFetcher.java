package org.policyradar.producer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads feed documents over http(s) with {@link HttpClient}: redirects followed (never from https to http),
 * a {@code User-Agent} of {@code policy-radar/<version>}, conditional requests ({@code If-None-Match},
 * {@code If-Modified-Since}), a deadline for the whole exchange and a cap on the body's size. Anything but a 2xx
 * or a 304 answer is an {@link IOException} whose message says what went wrong.
 */
final class FeedFetcher {

    /** How long connecting may take by default. */
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** How long a whole exchange, body included, may take by default. */
    static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
            + "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1";

    private final HttpClient client;
    private final Duration requestTimeout;
    private final int maxBytes;
    private final String userAgent;

    FeedFetcher(HttpClient client, Duration requestTimeout, int maxBytes, String userAgent) {
        this.client = client;
        this.requestTimeout = requestTimeout;
        this.maxBytes = maxBytes;
        this.userAgent = userAgent;
    }

    /** A client that follows redirects, honours the JVM's proxy settings and gives up connecting after a while. */
    static HttpClient newClient(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(connectTimeout)
                .proxy(ProxySelector.getDefault())
                .build();
    }

    /** The validators of the last answer read: what a conditional request sends back. Either may be null. */
    record Validators(String etag, String lastModified) {
        static final Validators NONE = new Validators(null, null);
    }

    /** An answer: 304 (no body), or 2xx with the body and the validators to send next time. */
    record Response(int status, byte[] body, String contentType, Validators validators) {
        boolean notModified() {
            return status == 304;
        }
    }

    /**
     * GETs {@code feed}, conditionally when {@code validators} has any.
     *
     * @throws IOException          a network error, a timeout, an answer other than 2xx or 304, or a body larger
     *                              than the cap; the message says which
     * @throws InterruptedException when the thread is interrupted while waiting
     */
    Response fetch(URI feed, Validators validators) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(feed)
                .GET()
                .timeout(requestTimeout)
                .header("User-Agent", userAgent)
                .header("Accept", ACCEPT);
        if (validators.etag() != null) {
            request.header("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null) {
            request.header("If-Modified-Since", validators.lastModified());
        }
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request.build(), this::bodyFor);
        HttpResponse<byte[]> response;
        try {
            // the request timeout only covers the wait for the headers; this bounds the body too
            response = exchange.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new IOException("no complete answer within " + requestTimeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw new IOException(describe(e.getCause()), e.getCause());
        }
        int status = response.statusCode();
        if (status == 304) {
            return new Response(status, new byte[0], null, validators);
        }
        if (status >= 300 && status <= 399) {
            // not followed: a redirect from https to http, a loop, or one without a Location
            String location = response.headers().firstValue("Location").orElse(null);
            throw new IOException("HTTP " + status + " from " + response.uri() + ": redirect"
                    + (location == null ? " without a Location" : " to " + location) + " not followed");
        }
        if (status < 200 || status > 299) {
            throw new IOException("HTTP " + status + " from " + response.uri());
        }
        Validators next = new Validators(
                response.headers().firstValue("ETag").orElse(null),
                response.headers().firstValue("Last-Modified").orElse(null));
        return new Response(status, response.body(), response.headers().firstValue("Content-Type").orElse(null), next);
    }

    private HttpResponse.BodySubscriber<byte[]> bodyFor(HttpResponse.ResponseInfo info) {
        if (info.statusCode() < 200 || info.statusCode() > 299) {
            return HttpResponse.BodySubscribers.replacing(new byte[0]);
        }
        return new LimitedBody(maxBytes);
    }

    private static String describe(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException) {
                return t.getMessage();
            }
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return "connection timed out";
        }
        if (cause instanceof HttpTimeoutException) {
            return "request timed out";
        }
        if (cause instanceof ConnectException) {
            return "connection failed" + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        }
        if (cause instanceof UnknownHostException) {
            return "unknown host " + cause.getMessage();
        }
        String message = cause.getMessage();
        return "network error: " + cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(int maxBytes) {
            super("feed is larger than " + maxBytes + " bytes");
        }
    }

    /** Collects a body up to a size, and gives up (cancelling the download) beyond it. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final int maxBytes;
        private Flow.Subscription subscription;

        LimitedBody(int maxBytes) {
            this.maxBytes = maxBytes;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if ((long) bytes.size() + buffer.remaining() > maxBytes) {
                    subscription.cancel();
                    result.completeExceptionally(new BodyTooLargeException(maxBytes));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
