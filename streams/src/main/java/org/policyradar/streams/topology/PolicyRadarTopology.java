package org.policyradar.streams.topology;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.TopicConfig;
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
import org.policyradar.avro.ConflictParty;
import org.policyradar.avro.EnrichedNewsItem;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.streams.conflict.ConflictRules;
import org.policyradar.streams.enrich.Enricher;
import org.policyradar.streams.enrich.RuleSet;
import org.policyradar.topics.Topics;

/**
 * Builds the Policy Radar topology: the one entry point, used by the application and by the tests.
 *
 * <pre>
 * news.items.v1 ─▶ validate, enrich, story ─┬─▶ news.enriched.v1
 *                                           ├─▶ [enriched-items] (by item id, for interactive queries)
 *                                           └─▶ [conflict-candidates] ─▶ match
 *   ─▶ [conflict-observations] ─▶ aggregate per story pair ─┬─▶ policy.conflicts.v1 (every change)
 *                                                           └─▶ policy.alerts.v1 (new conflicts only)
 * </pre>
 *
 * <ul>
 *   <li>Input: {@link Topics#NEWS_ITEMS}, key = item id, value = NewsItem.</li>
 *   <li>Outputs: {@link Topics#NEWS_ENRICHED} (key item id), {@link Topics#POLICY_CONFLICTS} (key conflict id,
 *       latest state), {@link Topics#POLICY_ALERTS} (key conflict id, one per new conflict).</li>
 *   <li>Records that cannot be read or processed go to {@link Topics#NEWS_DLQ} through Kafka Streams' exception
 *       handlers (see {@link StreamsSettings}).</li>
 *   <li>Event time (the item's publishedAt) decides every window; wall-clock time decides nothing.</li>
 *   <li>Conflict candidates are sharded by the resisting side's state; nationwide federal positions are sent to
 *       every shard, so no topic or key becomes a hot spot and every pair meets exactly once.</li>
 * </ul>
 */
public final class PolicyRadarTopology {

    /**
     * Window size of the window stores: entries are stamped with their event time and the real windows (story,
     * conflict) are applied when fetching; retention bounds how long an entry can be found at all.
     */
    private static final Duration EVENT_STAMP = Duration.ofMillis(1);

    /**
     * Changelogs of the window stores are stamped with the time they are written, not with event time: the broker
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
     * @param settings     the event-time windows
     */
    public static Topology build(Properties streamsProps, RuleSet rules, PipelineSerdes serdes,
                                 DetectionSettings settings) {
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(streamsProps)));
        builder.addStateStore(positionStore(TopologyNames.PRESSING_POSITIONS_STORE, serdes, settings));
        builder.addStateStore(positionStore(TopologyNames.RESISTING_POSITIONS_STORE, serdes, settings));
        builder.addStateStore(conflictStore(serdes));
        builder.addStateStore(itemStore(serdes, settings));

        Enricher enricher = new Enricher(rules);
        ConflictRules conflictRules = new ConflictRules(rules);

        KStream<String, EnrichedNewsItem> enriched = builder
                .stream(Topics.NEWS_ITEMS, Consumed.with(serdes.key(), serdes.newsItem())
                        .withName(TopologyNames.SOURCE_NEWS_ITEMS))
                .processValues(() -> new EnrichProcessor(enricher, rules.version(), settings.storyWindow()),
                        Named.as(TopologyNames.ENRICH));

        enriched.to(Topics.NEWS_ENRICHED, Produced.with(serdes.key(), serdes.enrichedNewsItem())
                .withName(TopologyNames.SINK_ENRICHED));
        enriched.process(EnrichedItemStoreWriter::new, Named.as(TopologyNames.STORE_ITEMS), TopologyNames.ITEMS_STORE);

        KStream<String, ConflictUpdate> updates = enriched
                .flatMap((itemId, item) -> ConflictCandidates.of(item), Named.as(TopologyNames.TO_CONFLICT_CANDIDATES))
                .repartition(Repartitioned.with(serdes.key(), serdes.conflictParty())
                        .withName(TopologyNames.CONFLICT_CANDIDATE_REPARTITION)
                        .withStreamPartitioner(new ShardPartitioner()))
                .process(() -> new ConflictMatchProcessor(settings, conflictRules),
                        Named.as(TopologyNames.MATCH_CONFLICTS),
                        TopologyNames.PRESSING_POSITIONS_STORE, TopologyNames.RESISTING_POSITIONS_STORE)
                .repartition(Repartitioned.with(serdes.key(), serdes.policyConflict())
                        .withName(TopologyNames.CONFLICT_OBSERVATION_REPARTITION))
                .process(() -> new ConflictAggregateProcessor(settings.conflictRetention()),
                        Named.as(TopologyNames.AGGREGATE_CONFLICTS),
                        TopologyNames.CONFLICTS_STORE);

        updates.mapValues(ConflictUpdate::conflict, Named.as(TopologyNames.CONFLICT_STATES))
                .to(Topics.POLICY_CONFLICTS, Produced.with(serdes.key(), serdes.policyConflict())
                        .withName(TopologyNames.SINK_CONFLICTS));
        updates.filter((conflictId, update) -> update.isNew(), Named.as(TopologyNames.TO_ALERTS + "-new-only"))
                .mapValues(update -> ConflictAlerts.newConflict(update.conflict()), Named.as(TopologyNames.TO_ALERTS))
                .to(Topics.POLICY_ALERTS, Produced.with(serdes.key(), serdes.conflictAlert())
                        .withName(TopologyNames.SINK_ALERTS));

        return builder.build();
    }

    private static StoreBuilder<WindowStore<String, ConflictParty>> positionStore(
            String name, PipelineSerdes serdes, DetectionSettings settings) {
        return Stores.windowStoreBuilder(
                Stores.persistentWindowStore(name, settings.conflictRetention(), EVENT_STAMP, false),
                serdes.key(), serdes.conflictParty())
                .withLoggingEnabled(APPEND_TIME_CHANGELOG);
    }

    private static StoreBuilder<WindowStore<String, EnrichedNewsItem>> itemStore(
            PipelineSerdes serdes, DetectionSettings settings) {
        return Stores.windowStoreBuilder(
                Stores.persistentWindowStore(TopologyNames.ITEMS_STORE, settings.conflictRetention(), EVENT_STAMP,
                        false),
                serdes.key(), serdes.enrichedNewsItem())
                .withLoggingEnabled(APPEND_TIME_CHANGELOG);
    }

    private static StoreBuilder<KeyValueStore<String, PolicyConflict>> conflictStore(PipelineSerdes serdes) {
        return Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(TopologyNames.CONFLICTS_STORE), serdes.key(), serdes.policyConflict());
    }
}
