package org.policyradar.registry.client;

import java.time.Duration;

/**
 * How often and how patiently a request is retried after a connection failure or a 5xx answer: at most
 * {@code maxRetries} more attempts, waiting {@code initialWait} then twice as long each time, up to
 * {@code maxWait}.
 */
public record RetryPolicy(int maxRetries, Duration initialWait, Duration maxWait) {

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative");
        }
        if (initialWait.isNegative() || maxWait.isNegative()) {
            throw new IllegalArgumentException("waits must not be negative");
        }
    }

    /** The wait before retry number {@code retry} (0 for the first retry). */
    Duration waitBefore(int retry) {
        long initial = initialWait.toMillis();
        long shifted = retry >= 30 ? Long.MAX_VALUE : initial << retry;
        // an overflowing shift comes out smaller than where it started
        long millis = shifted < initial ? Long.MAX_VALUE : shifted;
        return Duration.ofMillis(Math.min(millis, maxWait.toMillis()));
    }
}
