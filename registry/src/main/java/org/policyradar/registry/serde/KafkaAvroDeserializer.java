package org.policyradar.registry.serde;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.policyradar.registry.client.RestClientException;
import org.policyradar.registry.client.SchemaRegistryClient;
import org.policyradar.registry.client.SchemaRegistryClients;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deserializes Confluent's wire format (magic byte 0, 4-byte big-endian schema id, Avro binary): fetches the
 * writer's schema by id and reads the record as a generic record, or, with {@code specific.avro.reader=true},
 * as the generated class of the writer's record name, resolving the writer's schema against the class's
 * (so a reader on a newer schema reads records written with an older one). Datum readers are cached per
 * (writer id, reader schema). Null bytes give null (tombstones). A wrong magic byte, an unknown id, a truncated
 * payload or any decoding failure raises {@link SerializationException} naming the topic and the cause.
 */
public final class KafkaAvroDeserializer implements Deserializer<Object> {

    private static final int HEADER_SIZE = 5;

    private record ReaderKey(int writerId, Schema readerSchema) {
    }

    private SchemaRegistryClient client;
    private AvroSerdeConfig config = AvroSerdeConfig.defaults();
    private final Map<ReaderKey, DatumReader<Object>> readers = new ConcurrentHashMap<>();

    /** A deserializer to be configured with {@link #configure}, which creates (or shares) its registry client. */
    public KafkaAvroDeserializer() {
    }

    /** A deserializer using this client, reading generic records until {@link #configure} says otherwise. */
    public KafkaAvroDeserializer(SchemaRegistryClient client) {
        this.client = client;
    }

    /** A deserializer using this client and these settings. */
    public KafkaAvroDeserializer(SchemaRegistryClient client, Map<String, ?> configs) {
        this.client = client;
        configure(configs, false);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.parse(configs);
        if (client == null) {
            client = SchemaRegistryClients.fromConfig(configs);
        }
    }

    @Override
    public Object deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("KafkaAvroDeserializer is not configured: call configure() with "
                    + AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG + " or construct it with a client");
        }
        if (bytes.length < HEADER_SIZE) {
            throw failure(topic, "payload of " + bytes.length + " bytes is shorter than the "
                    + HEADER_SIZE + "-byte header (magic byte and schema id)", null);
        }
        if (bytes[0] != 0) {
            throw failure(topic, "unknown magic byte " + bytes[0] + " (expected 0): not in the Confluent wire format",
                    null);
        }
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        Schema writerSchema = writerSchema(topic, id);
        if (writerSchema.getType() == Schema.Type.BYTES) {
            return Arrays.copyOfRange(bytes, HEADER_SIZE, bytes.length);
        }
        DatumReader<Object> reader = reader(topic, id, writerSchema);
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, HEADER_SIZE, bytes.length - HEADER_SIZE, null);
        Object result;
        try {
            result = reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw failure(topic, "cannot decode the Avro payload written with schema id " + id
                    + " (truncated or corrupt?): " + e, e);
        }
        try {
            if (!decoder.isEnd()) {
                throw failure(topic, "bytes left over after decoding the record written with schema id " + id
                        + ": the payload does not match its schema", null);
            }
        } catch (IOException e) {
            throw failure(topic, "cannot decode the Avro payload written with schema id " + id + ": " + e, e);
        }
        return result instanceof Utf8 ? result.toString() : result;
    }

    private Schema writerSchema(String topic, int id) {
        try {
            return client.getSchemaById(id);
        } catch (RestClientException e) {
            String reason = e.getErrorCode() == 40403
                    ? "schema id " + id + " not found in the Schema Registry (" + e.getMessage() + ")"
                    : "cannot retrieve schema id " + id + " from the Schema Registry: " + e.getMessage();
            throw failure(topic, reason, e);
        } catch (IOException e) {
            throw failure(topic, "cannot retrieve schema id " + id + " from the Schema Registry: " + e.getMessage(), e);
        }
    }

    private DatumReader<Object> reader(String topic, int id, Schema writerSchema) {
        if (config.specificAvroReader() && isNamed(writerSchema)) {
            Class<?> type = SpecificData.get().getClass(writerSchema);
            if (type == null) {
                throw failure(topic, "no generated class " + writerSchema.getFullName()
                        + " on the classpath to read schema id " + id + " with specific.avro.reader=true", null);
            }
            SpecificData model = SpecificData.getForClass(type);
            Schema readerSchema = model.getSchema(type);
            return readers.computeIfAbsent(new ReaderKey(id, readerSchema),
                    key -> new SpecificDatumReader<>(writerSchema, readerSchema, model));
        }
        return readers.computeIfAbsent(new ReaderKey(id, writerSchema),
                key -> new GenericDatumReader<>(writerSchema, writerSchema, GenericData.get()));
    }

    private static boolean isNamed(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> true;
            default -> false;
        };
    }

    private static SerializationException failure(String topic, String reason, Throwable cause) {
        return new SerializationException("Error deserializing Avro message for topic '" + topic + "': " + reason,
                cause);
    }

    @Override
    public void close() {
        // the registry client is shared; nothing of this deserializer's own to release
    }
}
