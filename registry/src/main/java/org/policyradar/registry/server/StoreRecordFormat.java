package org.policyradar.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The records of the schemas topic, in the JSON layout Confluent's registry uses for its {@code _schemas}
 * topic (the keys are the compaction identity, so their bytes must be deterministic: fields are written in
 * a fixed order).
 *
 * <pre>
 * key   {"keytype":"SCHEMA","subject":"s","version":1,"magic":1}
 * value {"subject":"s","version":1,"id":7,"schema":"...canonical Avro...","deleted":false}   (null: removed)
 * key   {"keytype":"CONFIG","subject":"s","magic":0}          (subject null: the global setting)
 * value {"compatibilityLevel":"FULL"}                                                     (null: removed)
 * </pre>
 *
 * Records of any other key type (Confluent also writes NOOP, MODE, DELETE_SUBJECT...) are skipped on read.
 */
final class StoreRecordFormat {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoreRecordFormat() {
    }

    static byte[] schemaKey(String subject, int version) {
        ObjectNode key = JSON.createObjectNode();
        key.put("keytype", "SCHEMA");
        key.put("subject", subject);
        key.put("version", version);
        key.put("magic", 1);
        return bytes(key);
    }

    static byte[] schemaValue(SchemaVersion v) {
        ObjectNode value = JSON.createObjectNode();
        value.put("subject", v.subject());
        value.put("version", v.version());
        value.put("id", v.id());
        value.put("schema", v.schema());
        value.put("deleted", v.deleted());
        return bytes(value);
    }

    static byte[] configKey(String subject) {
        ObjectNode key = JSON.createObjectNode();
        key.put("keytype", "CONFIG");
        if (subject == null) {
            key.putNull("subject");
        } else {
            key.put("subject", subject);
        }
        key.put("magic", 0);
        return bytes(key);
    }

    static byte[] configValue(CompatibilityLevel level) {
        if (level == null) {
            return null;
        }
        ObjectNode value = JSON.createObjectNode();
        value.put("compatibilityLevel", level.name());
        return bytes(value);
    }

    /**
     * Applies one record read back from the topic to the index.
     *
     * @return false when the record was of a type this store does not keep, and was skipped
     * @throws IllegalArgumentException when a record of a known type is malformed
     */
    static boolean apply(byte[] keyBytes, byte[] valueBytes, SchemaIndex index) {
        JsonNode key = read(keyBytes, "key");
        String type = key.path("keytype").asText("");
        switch (type) {
            case "SCHEMA" -> {
                String subject = requiredText(key, "subject");
                int version = key.path("version").asInt();
                if (valueBytes == null) {
                    index.remove(subject, version);
                } else {
                    JsonNode value = read(valueBytes, "value");
                    index.put(new SchemaVersion(subject, version, value.path("id").asInt(),
                            requiredText(value, "schema"), value.path("deleted").asBoolean(false)));
                }
                return true;
            }
            case "CONFIG" -> {
                JsonNode subjectNode = key.get("subject");
                String subject = subjectNode == null || subjectNode.isNull() ? null : subjectNode.asText();
                CompatibilityLevel level = null;
                if (valueBytes != null) {
                    String name = read(valueBytes, "value").path("compatibilityLevel").asText(null);
                    // a config record without a level (Confluent may store other settings) changes nothing here
                    if (name == null) {
                        return false;
                    }
                    level = CompatibilityLevel.parse(name).orElseThrow(() ->
                            new IllegalArgumentException("unknown compatibility level '" + name + "' in config record"));
                }
                index.putCompatibility(subject, level);
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("record has no text field '" + field + "': " + node);
        }
        return value.asText();
    }

    private static JsonNode read(byte[] bytes, String what) {
        if (bytes == null) {
            throw new IllegalArgumentException("record " + what + " is null");
        }
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalArgumentException("record " + what + " is not JSON: " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
