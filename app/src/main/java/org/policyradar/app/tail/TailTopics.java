package org.policyradar.app.tail;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.policyradar.topics.Topics;

/**
 * The topics {@code tail} can read and how their values are encoded: every pipeline topic of {@link Topics} holds
 * Avro in the Confluent wire format except {@link Topics#NEWS_DLQ}, which holds the bytes as they were received;
 * the alert dispatcher's dead-letter topic holds the undelivered alerts as they were read, so Avro as well.
 */
public final class TailTopics {

    /** How a topic's values are written. */
    public enum ValueEncoding {
        /** Confluent wire format: magic byte, schema id, Avro binary; decoded through the Schema Registry. */
        AVRO,
        /** Arbitrary bytes: shown as UTF-8 text when printable, else as base64. */
        RAW
    }

    private static final Map<String, ValueEncoding> KNOWN = known();

    private TailTopics() {
    }

    private static Map<String, ValueEncoding> known() {
        Map<String, ValueEncoding> known = new LinkedHashMap<>();
        for (String name : Topics.names()) {
            known.put(name, name.equals(Topics.NEWS_DLQ) ? ValueEncoding.RAW : ValueEncoding.AVRO);
        }
        known.put(Topics.ALERTS_DLQ, ValueEncoding.AVRO);
        return Map.copyOf(known);
    }

    /** The encoding of {@code topic}'s values, or empty when it is not one of the project's topics. */
    public static Optional<ValueEncoding> encodingOf(String topic) {
        return Optional.ofNullable(KNOWN.get(topic));
    }

    /** The names {@code tail} accepts, pipeline topics first, for help and error messages. */
    public static String describeKnown() {
        StringBuilder names = new StringBuilder(String.join(", ", Topics.names()));
        names.append(", ").append(Topics.ALERTS_DLQ);
        return names.toString();
    }
}
