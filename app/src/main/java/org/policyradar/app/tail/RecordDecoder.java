package org.policyradar.app.tail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Deserializer;
import org.policyradar.app.tail.DecodedRecord.AvroJson;
import org.policyradar.app.tail.DecodedRecord.Raw;
import org.policyradar.app.tail.DecodedRecord.Tombstone;
import org.policyradar.app.tail.DecodedRecord.Value;
import org.policyradar.app.tail.TailTopics.ValueEncoding;

/**
 * Turns raw records into {@link DecodedRecord}s: Avro values through a deserializer that reads with the writer's
 * schema (any schema, generic records), rendered as JSON by Avro's own {@link GenericData#toString(Object)}; raw
 * values, keys and headers as UTF-8 text or base64. A value that is not valid Avro does not stop the tail: it is
 * shown as raw bytes with the reason.
 */
public final class RecordDecoder {

    // GenericData writes NaN and infinities as bare words; accept them rather than lose the record
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private final ValueEncoding encoding;
    private final Deserializer<Object> avro;

    /**
     * @param encoding how the topic's values are written
     * @param avro     a configured deserializer of the Confluent wire format returning generic data; unused for
     *                 {@link ValueEncoding#RAW}
     */
    public RecordDecoder(ValueEncoding encoding, Deserializer<Object> avro) {
        this.encoding = encoding;
        this.avro = avro;
    }

    /** Decodes one record. */
    public DecodedRecord decode(ConsumerRecord<byte[], byte[]> record) {
        List<DecodedRecord.Header> headers = new ArrayList<>();
        for (Header header : record.headers()) {
            headers.add(new DecodedRecord.Header(header.key(), RenderedBytes.of(header.value())));
        }
        Optional<Instant> timestamp = record.timestamp() >= 0
                ? Optional.of(Instant.ofEpochMilli(record.timestamp())) : Optional.empty();
        String error = null;
        Value value;
        if (record.value() == null) {
            value = new Tombstone();
        } else if (encoding == ValueEncoding.RAW) {
            value = new Raw(RenderedBytes.of(record.value()));
        } else {
            try {
                value = new AvroJson(toJson(avro.deserialize(record.topic(), record.value())));
            } catch (SerializationException e) {
                error = e.getMessage();
                value = new Raw(RenderedBytes.of(record.value()));
            }
        }
        return new DecodedRecord(record.topic(), record.partition(), record.offset(), timestamp,
                record.timestampType().toString(), RenderedBytes.of(record.key()), List.copyOf(headers), value, error);
    }

    private static com.fasterxml.jackson.databind.JsonNode toJson(Object datum) {
        if (datum instanceof byte[] bytes) {
            // a value whose schema is plain "bytes": the deserializer hands the bytes back as they are
            return TextNode.valueOf(RenderedBytes.of(bytes).text());
        }
        String json = GenericData.get().toString(datum);
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(json);
        }
    }
}
