package org.policyradar.app.alerts;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where an alert that cannot be delivered goes, so that the dispatcher can move on without losing it. */
@FunctionalInterface
public interface DeadLetterSink {

    /**
     * Stores {@code source} with the reason; returns once it is stored for good.
     *
     * @throws InterruptedException when stopped while waiting for the store to confirm
     */
    void publish(ConsumerRecord<byte[], byte[]> source, DeliveryReport report) throws InterruptedException;
}
