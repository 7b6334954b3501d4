package org.policyradar.streams.topology;

/**
 * Names of every processor, state store and internal topic of the topology. Internal topic names are part of
 * the application's on-disk and on-broker contract (changelogs, repartition topics): renaming one orphans its
 * data, so they are fixed here rather than generated.
 */
public final class TopologyNames {

    public static final String SOURCE_NEWS_ITEMS = "news-items-source";
    public static final String ENRICH = "validate-and-enrich";
    public static final String SINK_ENRICHED = "news-enriched-sink";
    /** Window store of the enriched items by item id (stamped with event time), for interactive queries. */
    public static final String ITEMS_STORE = "enriched-items";
    public static final String STORE_ITEMS = "store-enriched-items";
    public static final String TO_CONFLICT_CANDIDATES = "to-conflict-candidates";
    public static final String CONFLICT_CANDIDATE_REPARTITION = "conflict-candidates";
    public static final String MATCH_CONFLICTS = "match-conflicts";
    public static final String PRESSING_POSITIONS_STORE = "pressing-positions";
    public static final String RESISTING_POSITIONS_STORE = "resisting-positions";
    public static final String CONFLICT_OBSERVATION_REPARTITION = "conflict-observations";
    public static final String AGGREGATE_CONFLICTS = "aggregate-conflicts";
    public static final String CONFLICTS_STORE = "conflicts";
    public static final String CONFLICT_STATES = "conflict-states";
    public static final String SINK_CONFLICTS = "policy-conflicts-sink";
    public static final String TO_ALERTS = "to-alerts";
    public static final String SINK_ALERTS = "policy-alerts-sink";

    private TopologyNames() {
    }
}
