package org.policyradar.app.alerts;

import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes dead letters to a Kafka topic and waits for the broker's acknowledgement. */
public final class KafkaDeadLetterSink implements DeadLetterSink {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaDeadLetterSink.class);

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final String webhook;

    /**
     * @param producer an idempotent producer with acks=all; the caller closes it
     * @param webhook  the webhook's redacted address, recorded in a header
     */
    public KafkaDeadLetterSink(Producer<byte[], byte[]> producer, String topic, String webhook) {
        this.producer = producer;
        this.topic = topic;
        this.webhook = webhook;
    }

    /**
     * @throws IllegalStateException when the broker does not take the record: the dispatcher must stop rather than
     *                               commit an alert that is neither delivered nor kept
     */
    @Override
    public void publish(ConsumerRecord<byte[], byte[]> source, DeliveryReport report) throws InterruptedException {
        try {
            RecordMetadata stored = producer.send(AlertDeadLetters.record(topic, source, report, webhook)).get();
            LOG.warn("Alert at {}-{}@{} dead-lettered to {}-{}@{}: {}", source.topic(), source.partition(),
                    source.offset(), stored.topic(), stored.partition(), stored.offset(), report.reason());
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot write the dead letter of " + source.topic() + "-"
                    + source.partition() + "@" + source.offset() + " to " + topic + ": " + e.getCause().getMessage(),
                    e.getCause());
        }
    }
}
