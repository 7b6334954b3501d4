package org.policyradar.streams.topology;

import java.util.Map;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A serde whose serializer refuses a value over a size limit with {@link RecordTooLargeException}, before the
 * producer sees it. Under exactly-once a record the producer itself refuses puts its transaction in an error state
 * (every later send of the task fails until it aborts); a serialization error does not, so
 * {@link OversizeRecordHandler} can dead-letter the record and processing goes on.
 */
final class SizeLimitedSerde {

    /** The default {@code max.request.size} of a producer. */
    static final int DEFAULT_MAX_REQUEST_BYTES = 1_048_576;
    /** Room left for the key, headers and batch overhead of a record. */
    static final int RECORD_OVERHEAD_BYTES = 4_096;

    private SizeLimitedSerde() {
    }

    /** The largest value the application's producers accept, from the client settings. */
    static int valueLimit(Map<String, ?> config) {
        Object configured = config.get("producer.max.request.size");
        if (configured == null) {
            configured = config.get("max.request.size");
        }
        int maxRequest = configured == null ? DEFAULT_MAX_REQUEST_BYTES : Integer.parseInt(configured.toString());
        return Math.max(1, maxRequest - RECORD_OVERHEAD_BYTES);
    }

    static <T> Serde<T> of(Serde<T> serde, int limit) {
        Serializer<T> inner = serde.serializer();
        Serializer<T> limited = new Serializer<>() {
            @Override
            public byte[] serialize(String topic, T data) {
                return checked(topic, inner.serialize(topic, data), limit);
            }

            @Override
            public byte[] serialize(String topic, Headers headers, T data) {
                return checked(topic, inner.serialize(topic, headers, data), limit);
            }
        };
        return Serdes.serdeFrom(limited, serde.deserializer());
    }

    private static byte[] checked(String topic, byte[] bytes, int limit) {
        if (bytes != null && bytes.length > limit) {
            throw new RecordTooLargeException("a value of " + bytes.length + " bytes for " + topic
                    + " is over the limit of " + limit + " bytes that the producer accepts");
        }
        return bytes;
    }
}
