package org.policyradar.streams.topology;

/**
 * Names of every processor, state store and internal topic of the topology, in two groups: {@link Processors}
 * name the nodes of the topology description, {@link InternalResources} name what lives on disk and on the
 * broker. Internal resource names are part of the application's on-disk and on-broker contract (stores, their
 * changelogs, repartition topics): renaming one orphans its data, so they are fixed here rather than generated.
 */
public final class TopologyNames {

    private TopologyNames() {
    }

    /** Names of the processors (sources, sinks and steps), as the topology description shows them. */
    public static final class Processors {

        public static final String SOURCE_NEWS_ITEMS = "news-items-source";
        public static final String ENRICH = "validate-and-enrich";
        public static final String SINK_ENRICHED = "news-enriched-sink";
        /** Writes each enriched item to {@link InternalResources#ITEMS_STORE}. */
        public static final String STORE_ITEMS = "store-enriched-items";
        /** Keeps only items with a pressing or resisting position: the others never take part in a conflict. */
        public static final String KEEP_CONFLICT_RELEVANT = "keep-conflict-relevant";
        public static final String TO_STORY_REPORTS = "to-story-reports";
        public static final String UPDATE_STORIES = "update-stories";
        public static final String TO_TOPIC_SHARDS = "to-topic-shards";
        public static final String MATCH_STORIES = "match-stories";
        public static final String AGGREGATE_CONFLICTS = "aggregate-conflicts";
        public static final String CONFLICT_STATES = "conflict-states";
        public static final String SINK_CONFLICTS = "policy-conflicts-sink";
        public static final String NEW_CONFLICTS_ONLY = "new-conflicts-only";
        public static final String TO_ALERTS = "to-alerts";
        public static final String SINK_ALERTS = "policy-alerts-sink";

        private Processors() {
        }
    }

    /**
     * Names of the state stores (each also names its changelog, {@code <application id>-<name>-changelog}) and of
     * the repartition topics ({@code <application id>-<name>-repartition}).
     */
    public static final class InternalResources {

        /** Window store of the enriched items by item id (stamped with event time), for interactive queries. */
        public static final String ITEMS_STORE = "enriched-items";
        /** Repartition of slimmed items by story id. */
        public static final String STORY_REPORT_REPARTITION = "story-reports";
        /** Key-value store of the state of every open story, by story id. */
        public static final String STORIES_STORE = "stories";
        /** Repartition of changed story summaries by policy topic, where stories meet their opponents. */
        public static final String STORY_SUMMARY_REPARTITION = "story-summaries";
        /** Key-value store of the coarse state of every open story, by {@code topic|storyId}. */
        public static final String TOPIC_STORIES_STORE = "topic-stories";
        /** Repartition of conflict observations by conflict id. */
        public static final String CONFLICT_OBSERVATION_REPARTITION = "conflict-observations";
        /** Key-value store of the latest state of every conflict, by conflict id (queried by the HTTP API). */
        public static final String CONFLICTS_STORE = "conflicts";

        private InternalResources() {
        }
    }
}
