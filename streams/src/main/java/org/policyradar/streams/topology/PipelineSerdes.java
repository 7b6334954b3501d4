package org.policyradar.streams.topology;

import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.policyradar.avro.ConflictAlert;
import org.policyradar.avro.EnrichedNewsItem;
import org.policyradar.avro.NewsItem;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.avro.StoryState;
import org.policyradar.registry.serde.SpecificAvroSerde;

/**
 * The serdes of every topic and store of the topology. Values are Avro in the Confluent wire format through the
 * project's registry serdes; keys are plain strings (item, story and conflict ids).
 */
public record PipelineSerdes(
        Serde<String> key,
        Serde<NewsItem> newsItem,
        Serde<EnrichedNewsItem> enrichedNewsItem,
        Serde<PolicyConflict> policyConflict,
        Serde<ConflictAlert> conflictAlert,
        Serde<StoryState> storyState) {

    /**
     * Serdes that register and look up schemas in the registry that {@code serdeConfig} names. Their serializers
     * refuse a value the producer would refuse for its size (see {@link SizeLimitedSerde}).
     */
    public static PipelineSerdes fromRegistry(Map<String, ?> serdeConfig) {
        int limit = SizeLimitedSerde.valueLimit(serdeConfig);
        return new PipelineSerdes(
                Serdes.String(),
                valueSerde(serdeConfig, limit),
                valueSerde(serdeConfig, limit),
                valueSerde(serdeConfig, limit),
                valueSerde(serdeConfig, limit),
                valueSerde(serdeConfig, limit));
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> Serde<T> valueSerde(Map<String, ?> config,
                                                                                           int limit) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>();
        serde.configure(config, false);
        return SizeLimitedSerde.of(serde, limit);
    }
}
