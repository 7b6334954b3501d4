package org.policyradar.registry.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.policyradar.registry.client.SchemaRegistryClient;

import java.util.HashMap;
import java.util.Map;

/**
 * A serde of generated Avro classes in Confluent's wire format; reads with {@code specific.avro.reader=true}
 * whatever the configuration says.
 *
 * @param <T> the generated class, e.g. {@code NewsItem}
 */
public final class SpecificAvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final KafkaAvroSerializer serializer;
    private final KafkaAvroDeserializer deserializer;

    /** A serde to be configured with {@link #configure} (which needs {@code schema.registry.url}). */
    public SpecificAvroSerde() {
        this.serializer = new KafkaAvroSerializer();
        this.deserializer = new KafkaAvroDeserializer();
    }

    /** A serde using this client; still call {@link #configure} to choose key or value and the settings. */
    public SpecificAvroSerde(SchemaRegistryClient client) {
        this.serializer = new KafkaAvroSerializer(client);
        this.deserializer = new KafkaAvroDeserializer(client);
        this.deserializer.configure(specific(Map.of()), false);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(specific(configs), isKey);
    }

    private static Map<String, Object> specific(Map<String, ?> configs) {
        Map<String, Object> copy = new HashMap<>(configs);
        copy.put(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true);
        return copy;
    }

    @Override
    public Serializer<T> serializer() {
        return new Serializer<>() {
            @Override
            public void configure(Map<String, ?> configs, boolean isKey) {
                serializer.configure(configs, isKey);
            }

            @Override
            public byte[] serialize(String topic, T data) {
                return serializer.serialize(topic, data);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return new Deserializer<>() {
            @Override
            public void configure(Map<String, ?> configs, boolean isKey) {
                deserializer.configure(specific(configs), isKey);
            }

            @Override
            @SuppressWarnings("unchecked")
            public T deserialize(String topic, byte[] data) {
                // the generated class is named by the writer's schema; the caller's T is trusted to match
                return (T) deserializer.deserialize(topic, data);
            }
        };
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
