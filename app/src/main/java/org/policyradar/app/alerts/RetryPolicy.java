package org.policyradar.app.alerts;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.random.RandomGenerator;
import org.policyradar.app.alerts.AttemptOutcome.Answered;
import org.policyradar.app.alerts.AttemptOutcome.NoAnswer;

/**
 * Decides, after each attempt, whether an alert is delivered, should be sent again (and after how long), or
 * should be given up and dead-lettered.
 *
 * <ul>
 *   <li>2xx: delivered.</li>
 *   <li>No answer (timeout, refused or reset connection, unresolvable host, TLS failure, not HTTP), 5xx and 429:
 *       retried until {@code maxAttempts} requests have been sent.</li>
 *   <li>Any other status (4xx other than 429, and 1xx/3xx: redirects are not followed): given up at once, since
 *       sending the same request again would get the same answer.</li>
 *   <li>The wait before a retry is the answer's {@code Retry-After} when it gave one (at most
 *       {@code maxRetryAfter}, so that one endpoint cannot stall the dispatcher for hours), else exponential
 *       backoff with full jitter: uniform in [0, min(cap, base × 2^(attempt−1))].</li>
 * </ul>
 */
public final class RetryPolicy {

    /** Requests per alert before it is dead-lettered, unless {@code --max-attempts} says otherwise. */
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    public static final Duration DEFAULT_BASE = Duration.ofMillis(500);
    public static final Duration DEFAULT_CAP = Duration.ofSeconds(30);
    public static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofMinutes(5);

    /** What to do after an attempt. */
    public sealed interface Decision {
    }

    /** The alert is delivered. */
    public record Delivered(int status) implements Decision {
    }

    /** Send it again after {@code delay}. */
    public record Retry(Duration delay) implements Decision {
    }

    /** Stop trying; {@code reason} goes into the dead letter. */
    public record GiveUp(String reason) implements Decision {
    }

    private final int maxAttempts;
    private final Duration base;
    private final Duration cap;
    private final Duration maxRetryAfter;
    private final RandomGenerator random;

    /**
     * @param maxAttempts   requests per alert, at least 1
     * @param base          the first backoff ceiling
     * @param cap           the largest backoff ceiling
     * @param maxRetryAfter the longest Retry-After that is honoured as given; longer ones are cut to it
     * @param random        the jitter's source (seed it in tests)
     */
    public RetryPolicy(int maxAttempts, Duration base, Duration cap, Duration maxRetryAfter, RandomGenerator random) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
        }
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= cap, not base " + base + " and cap " + cap);
        }
        this.maxAttempts = maxAttempts;
        this.base = base;
        this.cap = cap;
        this.maxRetryAfter = maxRetryAfter;
        this.random = random;
    }

    /** The defaults (500 ms base, 30 s cap, Retry-After up to 5 min) with {@code maxAttempts}. */
    public static RetryPolicy withMaxAttempts(int maxAttempts) {
        return new RetryPolicy(maxAttempts, DEFAULT_BASE, DEFAULT_CAP, DEFAULT_MAX_RETRY_AFTER, new Random());
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * Decides after attempt number {@code attempt} (1 for the first request) gave {@code outcome}.
     */
    public Decision decide(AttemptOutcome outcome, int attempt) {
        if (outcome instanceof Answered answered && isSuccess(answered.status())) {
            return new Delivered(answered.status());
        }
        String failure = describe(outcome);
        if (!isRetryable(outcome)) {
            return new GiveUp(failure + " (not retried)");
        }
        if (attempt >= maxAttempts) {
            return new GiveUp(failure + " after " + attempt + (attempt == 1 ? " attempt" : " attempts"));
        }
        Optional<Duration> retryAfter = outcome instanceof Answered answered ? answered.retryAfter() : Optional.empty();
        return new Retry(retryAfter.map(this::boundRetryAfter).orElseGet(() -> backoff(attempt)));
    }

    /** A random delay in [0, min(cap, base × 2^(attempt−1))] (full jitter). */
    public Duration backoff(int attempt) {
        long ceiling = ceilingMillis(attempt);
        return Duration.ofMillis(random.nextLong(ceiling + 1));
    }

    /** The largest delay {@link #backoff(int)} can return after attempt {@code attempt}. */
    public Duration ceiling(int attempt) {
        return Duration.ofMillis(ceilingMillis(attempt));
    }

    private long ceilingMillis(int attempt) {
        // 2^30 × base is beyond any sensible cap already; stopping there keeps the product from overflowing
        int doublings = Math.min(Math.max(attempt, 1) - 1, 30);
        long exponential = base.toMillis() << doublings;
        return Math.min(cap.toMillis(), exponential < 0 ? Long.MAX_VALUE : exponential);
    }

    private Duration boundRetryAfter(Duration retryAfter) {
        return retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
    }

    /** The longest the waits between the attempts at one alert can add up to. */
    public Duration longestTotalWait() {
        Duration longestWait = cap.compareTo(maxRetryAfter) > 0 ? cap : maxRetryAfter;
        return longestWait.multipliedBy(maxAttempts - 1L);
    }

    /** 2xx. */
    public static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    /** No answer, 5xx or 429. */
    public static boolean isRetryable(AttemptOutcome outcome) {
        if (outcome instanceof Answered answered) {
            return answered.status() == 429 || (answered.status() >= 500 && answered.status() < 600);
        }
        return true;
    }

    private static String describe(AttemptOutcome outcome) {
        if (outcome instanceof Answered answered) {
            String excerpt = answered.excerpt().strip();
            return String.format(Locale.ROOT, "HTTP %d%s", answered.status(),
                    excerpt.isEmpty() ? "" : " (" + excerpt + ")");
        }
        return ((NoAnswer) outcome).description();
    }
}
