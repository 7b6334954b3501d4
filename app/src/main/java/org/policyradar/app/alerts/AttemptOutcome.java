package org.policyradar.app.alerts;

import java.time.Duration;
import java.util.Optional;

/** What one POST to the webhook gave: an HTTP answer, or no answer at all. */
public sealed interface AttemptOutcome {

    /**
     * The webhook answered.
     *
     * @param status     the HTTP status
     * @param retryAfter the {@code Retry-After} delay, when the answer carried one in seconds
     * @param excerpt    the start of the response body, for logs and dead-letter reasons
     */
    record Answered(int status, Optional<Duration> retryAfter, String excerpt) implements AttemptOutcome {

        /** An answer with no Retry-After and no body. */
        public static Answered of(int status) {
            return new Answered(status, Optional.empty(), "");
        }
    }

    /**
     * No usable answer: the host did not resolve, the connection was refused or reset, TLS failed, the request
     * timed out, or what came back was not HTTP.
     *
     * @param description what happened, without the webhook's URL
     */
    record NoAnswer(String description) implements AttemptOutcome {
    }
}
