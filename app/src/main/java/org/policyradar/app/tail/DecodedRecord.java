package org.policyradar.app.tail;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One record as {@code tail} shows it.
 *
 * @param timestamp     the record's timestamp, empty when it has none
 * @param timestampType CreateTime or LogAppendTime
 * @param key           the key's bytes made printable, null when there is no key
 * @param headers       the headers in order (a name may repeat)
 * @param value         the value: the decoded Avro datum as JSON, the raw bytes made printable, or a tombstone
 * @param error         why an Avro value could not be decoded (the value then holds its raw bytes), else null
 */
public record DecodedRecord(String topic, int partition, long offset, Optional<Instant> timestamp,
                            String timestampType, RenderedBytes key, List<Header> headers, Value value,
                            String error) {

    /** A header with its value made printable (null when the header has no value). */
    public record Header(String name, RenderedBytes value) {
    }

    /** A record's value, one of three kinds. */
    public sealed interface Value {
    }

    /** A null value: a deletion marker on a compacted topic. */
    public record Tombstone() implements Value {
    }

    /** An Avro value decoded with its writer's schema, as JSON. */
    public record AvroJson(JsonNode json) implements Value {
    }

    /** Bytes shown as they are. */
    public record Raw(RenderedBytes bytes) implements Value {
    }

    /** The {@code topic-partition@offset} coordinates. */
    public String coordinates() {
        return topic + "-" + partition + "@" + offset;
    }
}
