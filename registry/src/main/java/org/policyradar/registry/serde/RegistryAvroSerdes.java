package org.policyradar.registry.serde;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.policyradar.topics.AvroSerdes;
import org.policyradar.topics.Topic;

/**
 * The Avro serdes of the project's {@link Topic}s: {@link SpecificAvroSerde}s configured with one serde
 * configuration ({@code schema.registry.url}, credentials, subject name strategies...), e.g.
 * {@code TopicCatalogue.POLICY_CONFLICTS.serdes(RegistryAvroSerdes.of(clientConfig))}.
 */
public final class RegistryAvroSerdes implements AvroSerdes {

    private final Map<String, ?> serdeConfig;

    private RegistryAvroSerdes(Map<String, ?> serdeConfig) {
        this.serdeConfig = Map.copyOf(serdeConfig);
    }

    /** Serdes configured with {@code serdeConfig} (other client settings in it are ignored by the serdes). */
    public static RegistryAvroSerdes of(Map<String, ?> serdeConfig) {
        return new RegistryAvroSerdes(serdeConfig);
    }

    @Override
    public <T extends SpecificRecord> Serde<T> serde(Class<T> type, boolean isKey) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>();
        serde.configure(serdeConfig, isKey);
        return serde;
    }
}
