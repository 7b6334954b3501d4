package org.policyradar.app.alerts;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.policyradar.app.alerts.AttemptOutcome.Answered;
import org.policyradar.app.alerts.AttemptOutcome.NoAnswer;

/**
 * Sends webhook requests with the JDK's HTTP client (HTTP/1.1, redirects not followed). Every request, the
 * answer's body included, must complete within the request timeout, so that an endpoint that stalls cannot hold
 * the dispatcher. Of the body only the first {@value #EXCERPT_BYTES} bytes are kept, for the logs and the dead
 * letter's reason.
 */
public final class HttpWebhookSender implements WebhookSender {

    /** How long one request may take unless {@code --request-timeout} says otherwise. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private static final int EXCERPT_BYTES = 200;
    private static final int MAX_CAUSES = 4;
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\p{Cntrl}]+");
    private static final Pattern SECONDS = Pattern.compile("\\d{1,9}");

    private final WebhookUrl url;
    private final Duration requestTimeout;
    private final HttpClient client;

    public HttpWebhookSender(WebhookUrl url, Duration requestTimeout) {
        this.url = url;
        this.requestTimeout = requestTimeout;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(requestTimeout)
                .build();
    }

    @Override
    public AttemptOutcome post(byte[] body, Map<String, String> headers) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url.uri())
                .timeout(requestTimeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        ByteArrayOutputStream excerpt = new ByteArrayOutputStream();
        CompletableFuture<HttpResponse<Void>> pending;
        try {
            pending = client.sendAsync(request.build(), info -> HttpResponse.BodySubscribers.ofByteArrayConsumer(
                    chunk -> chunk.ifPresent(bytes -> keepStart(excerpt, bytes))));
        } catch (RuntimeException e) {
            return new NoAnswer(describe(e));
        }
        try {
            // the request timeout covers the wait for the headers; this one also covers the body
            HttpResponse<Void> response = pending.get(requestTimeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
            return new Answered(response.statusCode(),
                    response.headers().firstValue("Retry-After").flatMap(HttpWebhookSender::parseRetryAfter),
                    excerptOf(excerpt));
        } catch (TimeoutException e) {
            pending.cancel(true);
            return new NoAnswer("no complete answer within " + requestTimeout.toSeconds() + " s");
        } catch (ExecutionException e) {
            return new NoAnswer(describe(e.getCause()));
        } catch (InterruptedException e) {
            pending.cancel(true);
            throw e;
        }
    }

    /**
     * A {@code Retry-After} in seconds ({@code 120}); empty for anything else, including the HTTP-date form,
     * which then falls back to the usual backoff.
     */
    public static Optional<Duration> parseRetryAfter(String value) {
        String trimmed = value == null ? "" : value.strip();
        return SECONDS.matcher(trimmed).matches() ? Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)))
                : Optional.empty();
    }

    private static void keepStart(ByteArrayOutputStream excerpt, byte[] bytes) {
        synchronized (excerpt) {
            int room = EXCERPT_BYTES - excerpt.size();
            if (room > 0) {
                excerpt.write(bytes, 0, Math.min(room, bytes.length));
            }
        }
    }

    private static String excerptOf(ByteArrayOutputStream excerpt) {
        String text;
        synchronized (excerpt) {
            text = excerpt.toString(StandardCharsets.UTF_8);
        }
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }

    /** The exception and its causes, with the webhook's full URL replaced by its redacted form. */
    private String describe(Throwable failure) {
        if (failure instanceof HttpConnectTimeoutException) {
            return "connection timed out after " + requestTimeout.toSeconds() + " s";
        }
        if (failure instanceof HttpTimeoutException) {
            return "no answer within " + requestTimeout.toSeconds() + " s";
        }
        StringBuilder description = new StringBuilder();
        if (failure instanceof java.net.ConnectException) {
            // refused, unresolvable host, unreachable network: the JDK often gives no message of its own
            description.append("cannot connect to ").append(url.redacted()).append(": ");
        }
        Throwable cause = failure;
        for (int i = 0; cause != null && i < MAX_CAUSES; i++, cause = cause.getCause()) {
            if (i > 0) {
                description.append(", caused by ");
            }
            description.append(cause.getClass().getSimpleName());
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                description.append(": ").append(cause.getMessage());
            }
        }
        return WHITESPACE.matcher(description.toString().replace(url.uri().toString(), url.redacted()))
                .replaceAll(" ").strip();
    }
}
