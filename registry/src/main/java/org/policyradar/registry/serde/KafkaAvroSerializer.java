package org.policyradar.registry.serde;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.policyradar.registry.client.RestClientException;
import org.policyradar.registry.client.SchemaMetadata;
import org.policyradar.registry.client.SchemaRegistryClient;
import org.policyradar.registry.client.SchemaRegistryClients;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serializes Avro records (generated classes or generic records) and Avro primitives into Confluent's wire
 * format: magic byte 0, the schema's registry id as 4 big-endian bytes, then the Avro binary encoding.
 * The schema is registered under the subject the configured strategy names ({@code auto.register.schemas},
 * the default), or its id looked up, or, with {@code use.latest.version}, the subject's latest schema used.
 * A null value is serialized as null (a tombstone). Failures raise {@link SerializationException} naming the
 * topic.
 */
public final class KafkaAvroSerializer implements Serializer<Object> {

    /** A datum writer depends on the schema it writes and on the class model of the data. */
    private record WriterKey(Schema schema, Class<?> specificClass) {
    }

    private SchemaRegistryClient client;
    private AvroSerdeConfig config = AvroSerdeConfig.defaults();
    private boolean isKey;
    private final Map<WriterKey, DatumWriter<Object>> writers = new ConcurrentHashMap<>();
    /** Kept for the serializer's life, as Confluent's serializer does unless told otherwise. */
    private final Map<String, SchemaMetadata> latestBySubject = new ConcurrentHashMap<>();
    /**
     * The output buffer and encoder of the calling thread, reused from one record to the next: a fresh stream
     * grows from 32 bytes by copying, and a fresh encoder allocates its own buffer, for every record. A serializer
     * may be shared by threads (Kafka Streams shares a topology's serdes between its stream threads), hence one
     * per thread.
     */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** A serializer to be configured with {@link #configure}, which creates (or shares) its registry client. */
    public KafkaAvroSerializer() {
    }

    /** A serializer of values using this client, with the default settings until {@link #configure} is called. */
    public KafkaAvroSerializer(SchemaRegistryClient client) {
        this.client = client;
    }

    /** A value serializer using this client and these settings. */
    public KafkaAvroSerializer(SchemaRegistryClient client, Map<String, ?> configs) {
        this.client = client;
        configure(configs, false);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.config = AvroSerdeConfig.parse(configs);
        this.isKey = isKey;
        if (client == null) {
            client = SchemaRegistryClients.fromConfig(configs);
        }
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new IllegalStateException("KafkaAvroSerializer is not configured: call configure() with "
                    + AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG + " or construct it with a client");
        }
        Schema schema = AvroSchemas.of(data);
        if (schema == null) {
            throw new SerializationException("Error serializing Avro message for topic '" + topic
                    + "': unsupported type " + data.getClass().getName()
                    + " (expected an Avro record, enum, fixed, or a primitive)");
        }
        String subject = config.subjectNameStrategy(isKey).subjectName(topic, isKey, schema);
        int id;
        Schema writerSchema = schema;
        try {
            if (config.autoRegisterSchemas()) {
                id = client.register(subject, schema);
            } else if (config.useLatestVersion()) {
                SchemaMetadata latest = latest(subject);
                id = latest.id();
                writerSchema = latest.schema();
            } else {
                id = client.getId(subject, schema);
            }
        } catch (IOException | RestClientException e) {
            throw new SerializationException("Error " + (config.autoRegisterSchemas() ? "registering" : "retrieving")
                    + " Avro schema for subject '" + subject + "' of topic '" + topic + "': " + e.getMessage(), e);
        }
        Scratch scratch = SCRATCH.get();
        try {
            Scratch.Buffer out = scratch.start();
            out.write(0);
            out.write(id >>> 24);
            out.write(id >>> 16);
            out.write(id >>> 8);
            out.write(id);
            if (data instanceof byte[] bytes) {
                // Confluent writes raw bytes without Avro's length prefix; so do we, for interoperability
                out.write(bytes);
            } else if (data instanceof ByteBuffer buffer) {
                ByteBuffer copy = buffer.duplicate();
                byte[] bytes = new byte[copy.remaining()];
                copy.get(bytes);
                out.write(bytes);
            } else {
                BinaryEncoder encoder = scratch.encoder();
                writer(writerSchema, data).write(data, encoder);
                encoder.flush();
            }
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            scratch.discard();
            throw new SerializationException("Error serializing Avro message for topic '" + topic
                    + "' with schema id " + id + ": " + e, e);
        }
    }

    /** One thread's reusable output buffer and encoder. */
    private static final class Scratch {
        /** A buffer that grew past this (a rare large record) is not kept. */
        private static final int KEPT_BYTES = 64 * 1024;

        /** A byte stream whose buffer can be reused; unsynchronized use by its one thread. */
        static final class Buffer extends ByteArrayOutputStream {
            Buffer() {
                super(1024);
            }

            int capacity() {
                return buf.length;
            }
        }

        private Buffer buffer = new Buffer();
        private BinaryEncoder encoder;

        Buffer start() {
            if (buffer.capacity() > KEPT_BYTES) {
                buffer = new Buffer();
            }
            buffer.reset();
            return buffer;
        }

        BinaryEncoder encoder() {
            // re-targets the previous encoder (and its buffer) at the stream instead of allocating a new one
            encoder = EncoderFactory.get().binaryEncoder(buffer, encoder);
            return encoder;
        }

        /** After a failure the encoder may hold bytes of the failed record: start over with fresh ones. */
        void discard() {
            buffer = new Buffer();
            encoder = null;
        }
    }

    private SchemaMetadata latest(String subject) throws IOException, RestClientException {
        SchemaMetadata known = latestBySubject.get(subject);
        if (known == null) {
            known = client.getLatestSchemaMetadata(subject);
            latestBySubject.put(subject, known);
        }
        return known;
    }

    private DatumWriter<Object> writer(Schema schema, Object data) {
        Class<?> specificClass = data instanceof SpecificRecord ? data.getClass() : null;
        return writers.computeIfAbsent(new WriterKey(schema, specificClass), key -> key.specificClass() == null
                ? new GenericDatumWriter<>(schema, GenericData.get())
                : new SpecificDatumWriter<>(schema, SpecificData.getForClass(key.specificClass())));
    }

    @Override
    public void close() {
        // the registry client is shared; nothing of this serializer's own to release
    }
}
