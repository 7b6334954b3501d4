package org.policyradar.streams.topology;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.policyradar.avro.EnrichedNewsItem;
import org.policyradar.avro.StoryState;
import org.policyradar.streams.conflict.ConflictAggregateProcessor;
import org.policyradar.streams.conflict.ConflictAlerts;
import org.policyradar.streams.conflict.ConflictRules;
import org.policyradar.streams.conflict.ConflictUpdate;
import org.policyradar.streams.conflict.StoryMatchProcessor;
import org.policyradar.streams.conflict.StoryConflicts;
import org.policyradar.streams.enrich.Enricher;
import org.policyradar.streams.enrich.RuleSet;
import org.policyradar.streams.story.StoryFold;
import org.policyradar.streams.topology.TopologyNames.InternalResources;
import org.policyradar.streams.topology.TopologyNames.Processors;
import org.policyradar.topics.TopicCatalogue;
import org.policyradar.topics.TopicSerdes;

/**
 * Builds the Policy Radar topology: the one entry point, used by the application and by the tests.
 *
 * <pre>
 * news.items.v1 ─▶ validate, enrich, story id ─┬─▶ news.enriched.v1
 *                                              ├─▶ [enriched-items] (by item id, for interactive queries)
 *                                              └─▶ (pressing or resisting only, slimmed) [story-reports] by story id
 *   ─▶ fold into [stories] ─▶ (coarse view changed) [story-summaries] by policy topic
 *   ─▶ match against [topic-stories] ─▶ [conflict-observations] by conflict id
 *   ─▶ [conflicts] ─┬─▶ policy.conflicts.v1 (new or changed)
 *                   └─▶ policy.alerts.v1 (new conflicts only)
 * </pre>
 *
 * <ul>
 *   <li>Input: {@link TopicCatalogue#NEWS_ITEMS}, key = item id, value = NewsItem.</li>
 *   <li>Outputs: {@link TopicCatalogue#NEWS_ENRICHED} (key item id), {@link TopicCatalogue#POLICY_CONFLICTS}
 *       (key conflict id, latest state), {@link TopicCatalogue#POLICY_ALERTS} (key conflict id, one per new
 *       conflict).</li>
 *   <li>Records that cannot be read or processed go to {@link TopicCatalogue#NEWS_DLQ} through Kafka Streams'
 *       exception handlers (see {@link StreamsSettings}).</li>
 *   <li>Stories are the unit of matching: an article updates its story's state; the story is matched only when
 *       its coarse view changes (new position, earlier article, new day, count passing a power of two).</li>
 *   <li>Event time decides every period; wall-clock time decides nothing. Every value written is an
 *       order-independent fold, so any arrival order within the retention gives the same outputs.</li>
 * </ul>
 */
public final class PolicyRadarTopology {

    /**
     * Window size of the items window store: entries are stamped with their event time; retention bounds how
     * long an entry can be found at all.
     */
    private static final Duration EVENT_STAMP = Duration.ofMillis(1);

    /**
     * Changelogs of the window store are stamped with the time they are written, not with event time: the broker
     * deletes by record timestamp, and a backfill of old news would otherwise lose changelog records before a
     * restore reads them. Window store keys carry their own timestamps, so a restore does not need the record's.
     */
    private static final Map<String, String> APPEND_TIME_CHANGELOG =
            Map.of(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");

    private PolicyRadarTopology() {
    }

    /**
     * @param streamsProps the application's Streams configuration (it decides topology options such as explicit
     *                     naming; {@link StreamsSettings} makes a complete one)
     * @param rules        the versioned enrichment and conflict rules
     * @param serdes       the serdes of every topic and store
     * @param settings     the conflict window and the retention
     */
    public static Topology build(Properties streamsProps, RuleSet rules, PipelineSerdes serdes,
                                 DetectionSettings settings) {
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(streamsProps)));
        builder.addStateStore(keyValueStore(InternalResources.STORIES_STORE, serdes.storyState(), serdes));
        builder.addStateStore(keyValueStore(InternalResources.TOPIC_STORIES_STORE, serdes.storyState(), serdes));
        builder.addStateStore(keyValueStore(InternalResources.CONFLICTS_STORE, serdes.policyConflict(), serdes));
        builder.addStateStore(itemStore(serdes, settings));

        Enricher enricher = new Enricher(rules);
        StoryConflicts storyConflicts = new StoryConflicts(new ConflictRules(rules), settings.conflictWindow());
        Duration stateRetention = settings.stateRetention();

        KStream<String, EnrichedNewsItem> enriched = builder
                .stream(serdes.newsItems().name(),
                        consumed(serdes.newsItems()).withName(Processors.SOURCE_NEWS_ITEMS))
                .processValues(() -> new EnrichProcessor(enricher, rules.version()), Named.as(Processors.ENRICH));

        enriched.to(serdes.enriched().name(), produced(serdes.enriched()).withName(Processors.SINK_ENRICHED));
        enriched.process(EnrichedItemStoreWriter::new, Named.as(Processors.STORE_ITEMS), InternalResources.ITEMS_STORE);

        KStream<String, ConflictUpdate> updates = enriched
                .filter((itemId, item) -> StoryFold.matters(item), Named.as(Processors.KEEP_CONFLICT_RELEVANT))
                .map((itemId, item) -> KeyValue.pair(item.getStoryId(), StoryFold.slim(item)),
                        Named.as(Processors.TO_STORY_REPORTS))
                .repartition(Repartitioned.with(serdes.key(), serdes.enrichedNewsItem())
                        .withName(InternalResources.STORY_REPORT_REPARTITION))
                .process(() -> new StoryProcessor(settings), Named.as(Processors.UPDATE_STORIES),
                        InternalResources.STORIES_STORE)
                .flatMap((storyId, story) -> byTopic(story), Named.as(Processors.TO_TOPIC_SHARDS))
                .repartition(Repartitioned.with(serdes.key(), serdes.storyState())
                        .withName(InternalResources.STORY_SUMMARY_REPARTITION))
                .process(() -> new StoryMatchProcessor(InternalResources.TOPIC_STORIES_STORE, stateRetention,
                                storyConflicts),
                        Named.as(Processors.MATCH_STORIES), InternalResources.TOPIC_STORIES_STORE)
                .repartition(Repartitioned.with(serdes.key(), serdes.policyConflict())
                        .withName(InternalResources.CONFLICT_OBSERVATION_REPARTITION))
                .process(() -> new ConflictAggregateProcessor(InternalResources.CONFLICTS_STORE, stateRetention),
                        Named.as(Processors.AGGREGATE_CONFLICTS), InternalResources.CONFLICTS_STORE);

        updates.mapValues(ConflictUpdate::conflict, Named.as(Processors.CONFLICT_STATES))
                .to(serdes.conflicts().name(), produced(serdes.conflicts()).withName(Processors.SINK_CONFLICTS));
        updates.filter((conflictId, update) -> update.isNew(), Named.as(Processors.NEW_CONFLICTS_ONLY))
                .mapValues(update -> ConflictAlerts.newConflict(update.conflict()), Named.as(Processors.TO_ALERTS))
                .to(serdes.alerts().name(), produced(serdes.alerts()).withName(Processors.SINK_ALERTS));

        return builder.build();
    }

    private static <K, V> Consumed<K, V> consumed(TopicSerdes<K, V> topic) {
        return Consumed.with(topic.key(), topic.value());
    }

    private static <K, V> Produced<K, V> produced(TopicSerdes<K, V> topic) {
        return Produced.with(topic.key(), topic.value());
    }

    /** One record per policy topic the story takes a pressing or resisting position on: where it is matched. */
    private static List<KeyValue<String, StoryState>> byTopic(StoryState story) {
        return story.getParties().stream()
                .map(party -> party.getPosition().getTopic().name())
                .distinct()
                .sorted()
                .map(topic -> KeyValue.pair(topic, story))
                .toList();
    }

    private static <V> StoreBuilder<KeyValueStore<String, V>> keyValueStore(String name, Serde<V> values,
                                                                           PipelineSerdes serdes) {
        // caching folds the many updates of one story between two commits into one changelog write
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), serdes.key(), values)
                .withCachingEnabled();
    }

    private static StoreBuilder<WindowStore<String, EnrichedNewsItem>> itemStore(
            PipelineSerdes serdes, DetectionSettings settings) {
        return Stores.windowStoreBuilder(
                Stores.persistentWindowStore(InternalResources.ITEMS_STORE, settings.stateRetention(), EVENT_STAMP,
                        false),
                serdes.key(), serdes.enrichedNewsItem())
                .withLoggingEnabled(APPEND_TIME_CHANGELOG);
    }
}
