package org.policyradar.app.alerts;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.policyradar.app.alerts.AttemptOutcome.Answered;
import org.policyradar.app.alerts.RetryPolicy.Decision;
import org.policyradar.app.alerts.RetryPolicy.Delivered;
import org.policyradar.app.alerts.RetryPolicy.GiveUp;
import org.policyradar.app.alerts.RetryPolicy.Retry;
import org.policyradar.avro.ConflictAlert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one alert to the webhook: builds the body once, signs its exact bytes, and sends it until the
 * {@link RetryPolicy} says it is delivered or gives up. Knows nothing of Kafka.
 *
 * <p>Every request carries {@code Content-Type: application/json}, {@code Idempotency-Key: <alertId>} and, with a
 * secret, {@value WebhookSignature#TIMESTAMP_HEADER} and {@value WebhookSignature#HEADER}, signed again at every
 * attempt. The idempotency key is the alert id, not the conflict id: the alert id
 * is the conflict id and the kind, so retries and redeliveries of one alert share a key while the retraction of a
 * conflict is not mistaken for a repeat of its announcement.
 */
public final class AlertDispatcher {

    /** The request header a receiver uses to recognise a repeated delivery. */
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);

    private final WebhookSender sender;
    private final PayloadFormat format;
    private final Optional<WebhookSignature> signature;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Clock clock;

    /**
     * A dispatcher that signs with the system clock's time.
     *
     * @param signature present when a secret is configured
     * @param sleeper   waits between attempts
     */
    public AlertDispatcher(WebhookSender sender, PayloadFormat format, Optional<WebhookSignature> signature,
                           RetryPolicy policy, Sleeper sleeper) {
        this(sender, format, signature, policy, sleeper, Clock.systemUTC());
    }

    /** As the other constructor, with the clock whose time each request is signed with. */
    public AlertDispatcher(WebhookSender sender, PayloadFormat format, Optional<WebhookSignature> signature,
                           RetryPolicy policy, Sleeper sleeper, Clock clock) {
        this.clock = clock;
        this.sender = sender;
        this.format = format;
        this.signature = signature;
        this.policy = policy;
        this.sleeper = sleeper;
    }

    /**
     * Delivers {@code alert}, retrying as the policy says.
     *
     * @throws InterruptedException when stopped while sending or waiting; the alert is then neither delivered nor
     *                              given up, and must be handled again
     */
    public DeliveryReport deliver(ConflictAlert alert) throws InterruptedException {
        byte[] body = format.render(alert).getBytes(StandardCharsets.UTF_8);
        OptionalInt lastStatus = OptionalInt.empty();
        for (int attempt = 1; ; attempt++) {
            // signed anew at every attempt: a retry after a long backoff must still be within the receiver's window
            AttemptOutcome outcome = sender.post(body, headersFor(alert, body));
            if (outcome instanceof Answered answered) {
                lastStatus = OptionalInt.of(answered.status());
            }
            Decision decision = policy.decide(outcome, attempt);
            if (decision instanceof Delivered delivered) {
                LOG.info("Alert {} delivered (HTTP {}, attempt {})", alert.getAlertId(), delivered.status(), attempt);
                return DeliveryReport.delivered(attempt, delivered.status());
            }
            if (decision instanceof GiveUp giveUp) {
                LOG.warn("Alert {} not delivered: {}", alert.getAlertId(), giveUp.reason());
                return DeliveryReport.failed(attempt, lastStatus, giveUp.reason());
            }
            Retry retry = (Retry) decision;
            LOG.warn("Alert {}: attempt {} of {} failed ({}); next in {} ms", alert.getAlertId(), attempt,
                    policy.maxAttempts(), describe(outcome), retry.delay().toMillis());
            sleeper.sleep(retry.delay());
        }
    }

    /** The request headers for {@code alert} with body {@code body}, signed now. */
    Map<String, String> headersFor(ConflictAlert alert, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "policy-radar-alerts");
        headers.put(IDEMPOTENCY_HEADER, alert.getAlertId());
        signature.ifPresent(signer -> {
            long now = clock.instant().getEpochSecond();
            headers.put(WebhookSignature.TIMESTAMP_HEADER, Long.toString(now));
            headers.put(WebhookSignature.HEADER, signer.sign(now, body));
        });
        return headers;
    }

    private static String describe(AttemptOutcome outcome) {
        return outcome instanceof Answered answered ? "HTTP " + answered.status()
                : ((AttemptOutcome.NoAnswer) outcome).description();
    }
}
