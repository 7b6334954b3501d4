package org.policyradar.app.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.policyradar.app.alerts.AttemptOutcome.Answered;
import org.policyradar.app.alerts.AttemptOutcome.NoAnswer;
import org.policyradar.app.alerts.RetryPolicy.Delivered;
import org.policyradar.app.alerts.RetryPolicy.GiveUp;
import org.policyradar.app.alerts.RetryPolicy.Retry;

class RetryPolicyTest {

    private static final Duration BASE = Duration.ofMillis(500);
    private static final Duration CAP = Duration.ofSeconds(30);

    private static RetryPolicy policy(int maxAttempts) {
        return new RetryPolicy(maxAttempts, BASE, CAP, Duration.ofMinutes(5), new Random(42));
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204})
    void shouldCountEvery2xxAsDelivered(int status) {
        assertThat(policy(5).decide(Answered.of(status), 1)).isEqualTo(new Delivered(status));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504, 429})
    void shouldRetryServerErrorsAndTooManyRequests(int status) {
        assertThat(policy(5).decide(Answered.of(status), 1)).isInstanceOf(Retry.class);
    }

    @Test
    void shouldRetryTimeoutsAndConnectionFailures() {
        assertThat(policy(5).decide(new NoAnswer("no answer within 10 s"), 2)).isInstanceOf(Retry.class);
        assertThat(policy(5).decide(new NoAnswer("ConnectException: Connection refused"), 4))
                .isInstanceOf(Retry.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 410, 422, 301, 302})
    void shouldNotRetryClientErrorsOtherThan429NorRedirects(int status) {
        assertThat(policy(5).decide(new Answered(status, Optional.empty(), "bad payload"), 1))
                .isEqualTo(new GiveUp("HTTP " + status + " (bad payload) (not retried)"));
    }

    @Test
    void shouldGiveUpAfterTheLastAttempt() {
        RetryPolicy policy = policy(3);

        assertThat(policy.decide(Answered.of(503), 2)).isInstanceOf(Retry.class);
        assertThat(policy.decide(Answered.of(503), 3)).isEqualTo(new GiveUp("HTTP 503 after 3 attempts"));
        assertThat(policy.decide(new NoAnswer("ConnectException: Connection refused"), 3))
                .isEqualTo(new GiveUp("ConnectException: Connection refused after 3 attempts"));
        assertThat(policy(1).decide(Answered.of(500), 1)).isEqualTo(new GiveUp("HTTP 500 after 1 attempt"));
    }

    @Test
    void shouldHonourRetryAfterSecondsUpToItsBound() {
        RetryPolicy policy = policy(5);

        assertThat(policy.decide(new Answered(429, Optional.of(Duration.ofSeconds(7)), ""), 1))
                .isEqualTo(new Retry(Duration.ofSeconds(7)));
        assertThat(policy.decide(new Answered(503, Optional.of(Duration.ofSeconds(45)), ""), 1))
                .isEqualTo(new Retry(Duration.ofSeconds(45)));
        assertThat(policy.decide(new Answered(429, Optional.of(Duration.ofHours(2)), ""), 1))
                .isEqualTo(new Retry(Duration.ofMinutes(5)));
    }

    @Test
    void shouldReadRetryAfterInSecondsOnly() {
        assertThat(HttpWebhookSender.parseRetryAfter("120")).contains(Duration.ofSeconds(120));
        assertThat(HttpWebhookSender.parseRetryAfter(" 0 ")).contains(Duration.ZERO);
        assertThat(HttpWebhookSender.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEmpty();
        assertThat(HttpWebhookSender.parseRetryAfter("-5")).isEmpty();
        assertThat(HttpWebhookSender.parseRetryAfter(null)).isEmpty();
    }

    @Test
    void shouldDoubleTheBackoffCeilingUpToTheCap() {
        RetryPolicy policy = policy(5);

        assertThat(policy.ceiling(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.ceiling(2)).isEqualTo(Duration.ofMillis(1000));
        assertThat(policy.ceiling(4)).isEqualTo(Duration.ofMillis(4000));
        assertThat(policy.ceiling(7)).isEqualTo(CAP);
        assertThat(policy.ceiling(1000)).isEqualTo(CAP);
    }

    @Test
    void shouldDrawEveryBackoffFromZeroToTheCeilingWithFullJitter() {
        RetryPolicy policy = policy(5);

        for (int attempt = 1; attempt <= 12; attempt++) {
            long ceiling = policy.ceiling(attempt).toMillis();
            int current = attempt;
            long[] delays = LongStream.range(0, 2000).map(i -> policy.backoff(current).toMillis()).toArray();
            assertThat(LongStream.of(delays).allMatch(delay -> delay >= 0 && delay <= ceiling)).as("attempt %d", attempt).isTrue();
            // spread over the whole range, not clustered at the ceiling as plain exponential backoff would be
            assertThat(LongStream.of(delays).min().orElseThrow()).isLessThan(ceiling / 10);
            assertThat(LongStream.of(delays).max().orElseThrow()).isGreaterThan(ceiling * 9 / 10);
        }
    }

    @Test
    void shouldBackOffWithTheRetryDecisionWhenNoRetryAfterIsGiven() {
        Retry retry = (Retry) policy(5).decide(Answered.of(503), 3);

        assertThat(retry.delay()).isBetween(Duration.ZERO, Duration.ofMillis(2000));
    }
}
