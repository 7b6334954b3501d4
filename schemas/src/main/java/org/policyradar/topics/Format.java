package org.policyradar.topics;

import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * How the keys or the values of a topic are written: UTF-8 text, bytes as they came, or Avro records of one generated
 * class in the Confluent wire format. Text and bytes use Kafka's own serdes; Avro serdes need a registry, so they
 * come from the {@link AvroSerdes} of whoever knows its settings.
 *
 * @param <T> the type of the keys or values
 */
public sealed interface Format<T> permits Format.Text, Format.Bytes, Format.Avro {

    /** UTF-8 strings (the project's keys: item, story and conflict ids). */
    Format<String> TEXT = new Text();
    /** Bytes as they were received or read, never decoded. */
    Format<byte[]> BYTES = new Bytes();

    /** Avro records of {@code type}, through the Schema Registry. */
    static <T extends SpecificRecord> Format<T> avro(Class<T> type) {
        return new Avro<>(type);
    }

    /** A serde of this format; {@code avro} makes the Avro ones. */
    Serde<T> serde(AvroSerdes avro, boolean isKey);

    /** UTF-8 text. */
    record Text() implements Format<String> {
        @Override
        public Serde<String> serde(AvroSerdes avro, boolean isKey) {
            return Serdes.String();
        }
    }

    /** Raw bytes. */
    record Bytes() implements Format<byte[]> {
        @Override
        public Serde<byte[]> serde(AvroSerdes avro, boolean isKey) {
            return Serdes.ByteArray();
        }
    }

    /**
     * Avro records of one generated class.
     *
     * @param type the generated class
     * @param <T>  the type of the records
     */
    record Avro<T extends SpecificRecord>(Class<T> type) implements Format<T> {

        public Avro {
            Objects.requireNonNull(type, "type");
        }

        @Override
        public Serde<T> serde(AvroSerdes avro, boolean isKey) {
            return avro.serde(type, isKey);
        }
    }
}
