package org.policyradar.topics;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.policyradar.avro.ConflictAlert;
import org.policyradar.avro.EnrichedNewsItem;
import org.policyradar.avro.NewsItem;
import org.policyradar.avro.PolicyConflict;

/**
 * Every topic of the project with its key and value formats and the configs it is created with (names from
 * {@link Topics}): news.items.v1 is kept forever as the replay source of truth, policy.conflicts.v1 is compacted so
 * that it holds the latest state of every conflict, the other topics are time-based. Keys are ids, as text.
 */
public final class TopicCatalogue {

    /** Seven days: the retention of the time-based topics. */
    public static final long DEFAULT_RETENTION_MS = 7L * 24 * 60 * 60 * 1000;

    /**
     * Time-based outputs carry event time, which may be long past (a backfill, a replay): stamped with the time
     * they are written, their retention counts from the write, not from the news.
     */
    private static final String APPEND_TIME = "LogAppendTime";
    private static final String TIME_BASED = Long.toString(DEFAULT_RETENTION_MS);
    private static final Map<String, String> TIME_BASED_BY_WRITE = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG, TIME_BASED,
            TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, APPEND_TIME);

    /** Raw news items by item id; kept forever. */
    public static final Topic<String, NewsItem> NEWS_ITEMS = new Topic<>(Topics.NEWS_ITEMS, Format.TEXT,
            Format.avro(NewsItem.class), Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                    TopicConfig.RETENTION_MS_CONFIG, "-1",
                    TopicConfig.RETENTION_BYTES_CONFIG, "-1"));

    /** Enriched items by item id. */
    public static final Topic<String, EnrichedNewsItem> NEWS_ENRICHED = new Topic<>(Topics.NEWS_ENRICHED,
            Format.TEXT, Format.avro(EnrichedNewsItem.class), TIME_BASED_BY_WRITE);

    /** The latest state of every conflict by conflict id; compacted. */
    public static final Topic<String, PolicyConflict> POLICY_CONFLICTS = new Topic<>(Topics.POLICY_CONFLICTS,
            Format.TEXT, Format.avro(PolicyConflict.class), Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    // tombstones of retracted conflicts stay a day so that consumers see them
                    TopicConfig.DELETE_RETENTION_MS_CONFIG, Long.toString(24L * 60 * 60 * 1000)));

    /** One alert per new (or retracted) conflict, by conflict id. */
    public static final Topic<String, ConflictAlert> POLICY_ALERTS = new Topic<>(Topics.POLICY_ALERTS,
            Format.TEXT, Format.avro(ConflictAlert.class), TIME_BASED_BY_WRITE);

    /** Records the topology could not process, key and value as received, the error in headers. */
    public static final Topic<byte[], byte[]> NEWS_DLQ = new Topic<>(Topics.NEWS_DLQ, Format.BYTES, Format.BYTES,
            TIME_BASED_BY_WRITE);

    /**
     * Alerts the dispatcher could not deliver, with why in headers. The dispatcher copies key and value bytes as it
     * read them from {@link #POLICY_ALERTS} (so a record it could not decode stays as it was), and it creates this
     * topic itself, under this name unless {@code --dead-letter-topic} gives another ({@link Topic#named}); so it is
     * not one of the {@link #pipeline()} topics.
     */
    public static final Topic<String, ConflictAlert> ALERTS_DLQ = new Topic<>(Topics.ALERTS_DLQ, Format.TEXT,
            Format.avro(ConflictAlert.class), Map.of(
                    TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                    TopicConfig.RETENTION_MS_CONFIG, TIME_BASED));

    private static final List<Topic<?, ?>> PIPELINE = List.of(NEWS_ITEMS, NEWS_ENRICHED, POLICY_CONFLICTS,
            POLICY_ALERTS, NEWS_DLQ);

    private TopicCatalogue() {
    }

    /** The topics of the pipeline, created before it starts: input first, then the outputs, the DLQ last. */
    public static List<Topic<?, ?>> pipeline() {
        return PIPELINE;
    }

    /** Every topic of the project: the {@link #pipeline()} topics, then the alert dispatcher's dead-letter topic. */
    public static List<Topic<?, ?>> all() {
        return List.of(NEWS_ITEMS, NEWS_ENRICHED, POLICY_CONFLICTS, POLICY_ALERTS, NEWS_DLQ, ALERTS_DLQ);
    }
}
