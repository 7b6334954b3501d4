package org.policyradar.app.tail;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.policyradar.topics.Format;
import org.policyradar.topics.Topic;
import org.policyradar.topics.TopicCatalogue;

/**
 * The topics {@code tail} can read and how their values are encoded, from their formats in
 * {@link TopicCatalogue}: Avro in the Confluent wire format, except the bytes of the pipeline's dead-letter topic,
 * which are shown as they were received.
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
        for (Topic<?, ?> topic : TopicCatalogue.all()) {
            known.put(topic.name(), topic.value() instanceof Format.Avro ? ValueEncoding.AVRO : ValueEncoding.RAW);
        }
        return known;
    }

    /** The encoding of {@code topic}'s values, or empty when it is not one of the project's topics. */
    public static Optional<ValueEncoding> encodingOf(String topic) {
        return Optional.ofNullable(KNOWN.get(topic));
    }

    /** The names {@code tail} accepts, pipeline topics first, for help and error messages. */
    public static String describeKnown() {
        return String.join(", ", KNOWN.keySet());
    }
}
