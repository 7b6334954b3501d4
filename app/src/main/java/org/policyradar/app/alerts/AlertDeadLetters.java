package org.policyradar.app.alerts;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.policyradar.avro.ConflictAlert;
import org.policyradar.topics.Topic;
import org.policyradar.topics.TopicCatalogue;

/**
 * The alert dispatcher's dead-letter topic: alerts that could not be delivered, as they were read from
 * {@link TopicCatalogue#POLICY_ALERTS} (same key, same value bytes, same headers), with why in headers of their
 * own. Its default name and configs are those of {@link TopicCatalogue#ALERTS_DLQ}.
 */
public final class AlertDeadLetters {

    /** Why the alert was not delivered, e.g. {@code HTTP 500 after 5 attempts}. */
    public static final String REASON_HEADER = "policy-radar.dlq.reason";
    /** The last HTTP status the webhook answered, absent when it never answered. */
    public static final String STATUS_HEADER = "policy-radar.dlq.status";
    /** How many deliveries were attempted (0 when the record could not even be read as an alert). */
    public static final String ATTEMPTS_HEADER = "policy-radar.dlq.attempts";
    /** The topic, partition and offset the alert was read from. */
    public static final String TOPIC_HEADER = "policy-radar.dlq.topic";
    public static final String PARTITION_HEADER = "policy-radar.dlq.partition";
    public static final String OFFSET_HEADER = "policy-radar.dlq.offset";
    /** The webhook's scheme, host and port only: the path and query of a webhook URL often hold a token. */
    public static final String WEBHOOK_HEADER = "policy-radar.dlq.webhook";

    private static final List<String> OWN_HEADERS = List.of(REASON_HEADER, STATUS_HEADER, ATTEMPTS_HEADER,
            TOPIC_HEADER, PARTITION_HEADER, OFFSET_HEADER, WEBHOOK_HEADER);

    private AlertDeadLetters() {
    }

    /** The dead-letter topic under {@code name}: time-based retention like the alerts topic itself. */
    public static Topic<String, ConflictAlert> topic(String name) {
        return TopicCatalogue.ALERTS_DLQ.named(name);
    }

    /**
     * The dead letter for {@code source}: its key, value, timestamp and headers (minus any dead-letter headers of an
     * earlier round), plus the reason, the last status, the attempts, the source coordinates and the webhook.
     */
    public static ProducerRecord<byte[], byte[]> record(String topic, ConsumerRecord<byte[], byte[]> source,
                                                        DeliveryReport report, String webhook) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : source.headers()) {
            if (!OWN_HEADERS.contains(header.key())) {
                headers.add(header);
            }
        }
        add(headers, REASON_HEADER, report.reason());
        report.lastStatus().ifPresent(status -> add(headers, STATUS_HEADER, Integer.toString(status)));
        add(headers, ATTEMPTS_HEADER, Integer.toString(report.attempts()));
        add(headers, TOPIC_HEADER, source.topic());
        add(headers, PARTITION_HEADER, Integer.toString(source.partition()));
        add(headers, OFFSET_HEADER, Long.toString(source.offset()));
        add(headers, WEBHOOK_HEADER, webhook);
        Long timestamp = source.timestamp() >= 0 ? source.timestamp() : null;
        return new ProducerRecord<>(topic, null, timestamp, source.key(), source.value(), headers);
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
