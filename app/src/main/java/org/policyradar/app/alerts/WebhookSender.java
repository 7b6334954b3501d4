package org.policyradar.app.alerts;

import java.util.Map;

/** Sends one request to the webhook. */
@FunctionalInterface
public interface WebhookSender {

    /**
     * POSTs {@code body} with {@code headers}. Never throws for a bad endpoint: every failure to get an answer is
     * an {@link AttemptOutcome.NoAnswer}.
     *
     * @throws InterruptedException when the thread is interrupted while waiting for the answer
     */
    AttemptOutcome post(byte[] body, Map<String, String> headers) throws InterruptedException;
}
