package org.policyradar.app.tail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import org.policyradar.app.tail.DecodedRecord.AvroJson;
import org.policyradar.app.tail.DecodedRecord.Raw;

/**
 * Prints a {@link DecodedRecord} for people (a block of text) or for programs (one JSON object on one line:
 * {@code topic, partition, offset, timestamp, timestampType, key, value, headers}, plus {@code keyEncoding} /
 * {@code valueEncoding} when bytes are shown as they are, and {@code error} when an Avro value could not be decoded).
 */
public final class RecordFormat {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE64_PREFIX = "base64:";

    private RecordFormat() {
    }

    /**
     * One line of JSON. The value is the record as JSON ({@code null} for a tombstone); raw values are strings with
     * {@code valueEncoding} {@code utf8} or {@code base64}. Header values are strings, prefixed {@code base64:}
     * when they are not printable text; a name that repeats maps to an array of its values.
     */
    public static String json(DecodedRecord record) {
        ObjectNode node = JSON.createObjectNode();
        node.put("topic", record.topic());
        node.put("partition", record.partition());
        node.put("offset", record.offset());
        node.put("timestamp", record.timestamp().map(Object::toString).orElse(null));
        node.put("timestampType", record.timestampType());
        if (record.key() == null) {
            node.putNull("key");
        } else {
            node.put("key", record.key().text());
            if (record.key().encoding() == RenderedBytes.Encoding.BASE64) {
                node.put("keyEncoding", record.key().encoding().label());
            }
        }
        if (record.value() instanceof AvroJson avro) {
            node.set("value", avro.json());
        } else if (record.value() instanceof Raw raw) {
            node.put("value", raw.bytes().text());
            node.put("valueEncoding", raw.bytes().encoding().label());
        } else {
            node.putNull("value");
        }
        node.set("headers", headersJson(record));
        if (record.error() != null) {
            node.put("error", record.error());
        }
        return node.toString();
    }

    /** A block of text: coordinates and timestamp, key, headers, and the value (JSON indented). */
    public static String text(DecodedRecord record) {
        StringBuilder out = new StringBuilder();
        out.append(record.coordinates()).append("  ")
                .append(record.timestamp().map(Object::toString).orElse("(no timestamp)"))
                .append(" (").append(record.timestampType()).append(")\n");
        out.append("  key    : ").append(record.key() == null ? "(none)" : describe(record.key())).append('\n');
        for (DecodedRecord.Header header : record.headers()) {
            out.append("  header : ").append(header.name()).append(" = ")
                    .append(header.value() == null ? "(null)" : indentContinuation(describe(header.value())))
                    .append('\n');
        }
        if (record.error() != null) {
            out.append("  error  : ").append(record.error()).append('\n');
        }
        out.append("  value  : ");
        if (record.value() instanceof AvroJson avro) {
            out.append(indentContinuation(pretty(avro.json())));
        } else if (record.value() instanceof Raw raw) {
            out.append(indentContinuation(describe(raw.bytes())));
        } else {
            out.append("(tombstone)");
        }
        return out.append('\n').toString();
    }

    private static ObjectNode headersJson(DecodedRecord record) {
        ObjectNode headers = JsonNodeFactory.instance.objectNode();
        for (DecodedRecord.Header header : record.headers()) {
            String value = header.value() == null ? null
                    : header.value().encoding() == RenderedBytes.Encoding.BASE64
                    ? BASE64_PREFIX + header.value().text() : header.value().text();
            JsonNode previous = headers.get(header.name());
            if (previous == null) {
                headers.put(header.name(), value);
            } else if (previous instanceof ArrayNode values) {
                values.add(value);
            } else {
                ArrayNode values = headers.putArray(header.name());
                values.add(previous);
                values.add(value);
            }
        }
        return headers;
    }

    private static String describe(RenderedBytes bytes) {
        return bytes.encoding() == RenderedBytes.Encoding.UTF8 ? bytes.text() : "(base64) " + bytes.text();
    }

    private static String pretty(JsonNode json) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Indents every line after the first so that multi-line values stay inside their record's block. */
    private static String indentContinuation(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\n           ");
    }
}
