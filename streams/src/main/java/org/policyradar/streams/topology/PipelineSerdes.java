package org.policyradar.streams.topology;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.policyradar.avro.ConflictAlert;
import org.policyradar.avro.EnrichedNewsItem;
import org.policyradar.avro.NewsItem;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.avro.StoryState;
import org.policyradar.registry.serde.RegistryAvroSerdes;
import org.policyradar.topics.AvroSerdes;
import org.policyradar.topics.TopicCatalogue;
import org.policyradar.topics.TopicSerdes;

/**
 * The serdes of every topic and store of the topology, made from the {@link TopicCatalogue} topics: values are Avro
 * in the Confluent wire format through the project's registry serdes, keys are plain strings (item, story and
 * conflict ids).
 *
 * @param newsItems  the input topic
 * @param enriched   the enriched items
 * @param conflicts  the conflicts (also the conflicts store and its repartition)
 * @param alerts     the alerts
 * @param storyState the values of the story stores and of the story repartition
 */
public record PipelineSerdes(
        TopicSerdes<String, NewsItem> newsItems,
        TopicSerdes<String, EnrichedNewsItem> enriched,
        TopicSerdes<String, PolicyConflict> conflicts,
        TopicSerdes<String, ConflictAlert> alerts,
        Serde<StoryState> storyState) {

    /**
     * Serdes that register and look up schemas in the registry that {@code serdeConfig} names. Their serializers
     * refuse a value the producer would refuse for its size (see {@link SizeLimitedSerde}).
     */
    public static PipelineSerdes fromRegistry(Map<String, ?> serdeConfig) {
        AvroSerdes avro = sizeLimited(RegistryAvroSerdes.of(serdeConfig), SizeLimitedSerde.valueLimit(serdeConfig));
        return new PipelineSerdes(
                TopicCatalogue.NEWS_ITEMS.serdes(avro),
                TopicCatalogue.NEWS_ENRICHED.serdes(avro),
                TopicCatalogue.POLICY_CONFLICTS.serdes(avro),
                TopicCatalogue.POLICY_ALERTS.serdes(avro),
                avro.serde(StoryState.class, false));
    }

    private static AvroSerdes sizeLimited(AvroSerdes registry, int limit) {
        return new AvroSerdes() {
            @Override
            public <T extends SpecificRecord> Serde<T> serde(Class<T> type, boolean isKey) {
                return SizeLimitedSerde.of(registry.serde(type, isKey), limit);
            }
        };
    }

    /** The serde of every key: ids as text. */
    public Serde<String> key() {
        return newsItems.key();
    }

    public Serde<NewsItem> newsItem() {
        return newsItems.value();
    }

    public Serde<EnrichedNewsItem> enrichedNewsItem() {
        return enriched.value();
    }

    public Serde<PolicyConflict> policyConflict() {
        return conflicts.value();
    }

    public Serde<ConflictAlert> conflictAlert() {
        return alerts.value();
    }
}
