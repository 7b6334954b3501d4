package org.policyradar.app.alerts;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.policyradar.avro.ConflictAlert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one record of the alerts topic: reads it as a {@link ConflictAlert}, delivers it, and dead-letters it
 * when it cannot be delivered (or cannot even be read). It returns only once the record is dealt with for good,
 * so that the caller can then commit its offset.
 */
public final class AlertRecordHandler {

    /** What became of a record. */
    public enum Outcome {
        DELIVERED, DEAD_LETTERED, SKIPPED
    }

    private static final Logger LOG = LoggerFactory.getLogger(AlertRecordHandler.class);

    private final Deserializer<ConflictAlert> decoder;
    private final AlertDispatcher dispatcher;
    private final DeadLetterSink deadLetters;

    public AlertRecordHandler(Deserializer<ConflictAlert> decoder, AlertDispatcher dispatcher,
                              DeadLetterSink deadLetters) {
        this.decoder = decoder;
        this.dispatcher = dispatcher;
        this.deadLetters = deadLetters;
    }

    /**
     * Delivers or dead-letters {@code record}; a tombstone is skipped.
     *
     * @throws InterruptedException when stopped before the record was dealt with: do not commit it
     */
    public Outcome handle(ConsumerRecord<byte[], byte[]> record) throws InterruptedException {
        if (record.value() == null) {
            LOG.debug("Skipping the tombstone at {}-{}@{}", record.topic(), record.partition(), record.offset());
            return Outcome.SKIPPED;
        }
        ConflictAlert alert;
        try {
            alert = decoder.deserialize(record.topic(), record.value());
        } catch (SerializationException | ClassCastException e) {
            String reason = "not a readable ConflictAlert: " + e.getMessage();
            LOG.warn("Record {}-{}@{} {}", record.topic(), record.partition(), record.offset(), reason);
            deadLetters.publish(record, DeliveryReport.unreadable(reason));
            return Outcome.DEAD_LETTERED;
        }
        DeliveryReport report = dispatcher.deliver(alert);
        if (report.delivered()) {
            return Outcome.DELIVERED;
        }
        deadLetters.publish(record, report);
        return Outcome.DEAD_LETTERED;
    }
}
