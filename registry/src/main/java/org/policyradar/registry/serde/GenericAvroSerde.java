package org.policyradar.registry.serde;

import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.policyradar.registry.client.SchemaRegistryClient;

import java.util.HashMap;
import java.util.Map;

/**
 * A serde of generic Avro records in Confluent's wire format; reads with the writer's schema
 * ({@code specific.avro.reader=false} whatever the configuration says).
 */
public final class GenericAvroSerde implements Serde<GenericRecord> {

    private final KafkaAvroSerializer serializer;
    private final KafkaAvroDeserializer deserializer;

    /** A serde to be configured with {@link #configure} (which needs {@code schema.registry.url}). */
    public GenericAvroSerde() {
        this.serializer = new KafkaAvroSerializer();
        this.deserializer = new KafkaAvroDeserializer();
    }

    /** A serde using this client; still call {@link #configure} to choose key or value and the settings. */
    public GenericAvroSerde(SchemaRegistryClient client) {
        this.serializer = new KafkaAvroSerializer(client);
        this.deserializer = new KafkaAvroDeserializer(client);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(generic(configs), isKey);
    }

    private static Map<String, Object> generic(Map<String, ?> configs) {
        Map<String, Object> copy = new HashMap<>(configs);
        copy.put(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, false);
        return copy;
    }

    @Override
    public Serializer<GenericRecord> serializer() {
        return new Serializer<>() {
            @Override
            public void configure(Map<String, ?> configs, boolean isKey) {
                serializer.configure(configs, isKey);
            }

            @Override
            public byte[] serialize(String topic, GenericRecord data) {
                return serializer.serialize(topic, data);
            }
        };
    }

    @Override
    public Deserializer<GenericRecord> deserializer() {
        return new Deserializer<>() {
            @Override
            public void configure(Map<String, ?> configs, boolean isKey) {
                deserializer.configure(generic(configs), isKey);
            }

            @Override
            public GenericRecord deserialize(String topic, byte[] data) {
                Object value = deserializer.deserialize(topic, data);
                if (value == null || value instanceof GenericRecord) {
                    return (GenericRecord) value;
                }
                throw new SerializationException("Error deserializing Avro message for topic '" + topic
                        + "': expected a record but the payload holds a " + value.getClass().getSimpleName());
            }
        };
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
