package org.policyradar.topics;

import java.util.List;
import java.util.Map;

/**
 * The one place that names the project's topics and the settings they are created with:
 * news.items.v1 is kept forever as the replay source of truth, policy.conflicts.v1 is compacted so that it holds
 * the latest state of every conflict, the other topics are time-based.
 */
public final class Topics {

    /** Raw news items, keyed by item id; kept forever. */
    public static final String NEWS_ITEMS = "news.items.v1";
    /** Enriched items, keyed by item id. */
    public static final String NEWS_ENRICHED = "news.enriched.v1";
    /** Latest state of every conflict, keyed by conflict id; compacted. */
    public static final String POLICY_CONFLICTS = "policy.conflicts.v1";
    /** One alert per new (or retracted) conflict, keyed by conflict id. */
    public static final String POLICY_ALERTS = "policy.alerts.v1";
    /** Records that could not be processed, as received, with the error in headers. */
    public static final String NEWS_DLQ = "news.dlq.v1";
    /**
     * Alerts the dispatcher could not deliver, as read, with why in headers. The dispatcher creates it (under this
     * name unless {@code --dead-letter-topic} gives another), so it is not one of the pipeline's {@link #all()}.
     */
    public static final String ALERTS_DLQ = "policy.alerts.dlq.v1";

    /** Seven days: the retention of the time-based topics. */
    public static final long DEFAULT_RETENTION_MS = 7L * 24 * 60 * 60 * 1000;

    private Topics() {
    }

    /** A topic's name and the configs it is created with. */
    public record TopicSpec(String name, Map<String, String> configs) {
    }

    /**
     * Time-based outputs carry event time, which may be long past (a backfill, a replay): stamped with the time
     * they are written, their retention counts from the write, not from the news.
     */
    private static final String APPEND_TIME = "LogAppendTime";

    /** Every topic of the pipeline, with the settings it is created with. */
    public static List<TopicSpec> all() {
        String timeBased = Long.toString(DEFAULT_RETENTION_MS);
        return List.of(
                new TopicSpec(NEWS_ITEMS, Map.of(
                        "cleanup.policy", "delete",
                        "retention.ms", "-1",
                        "retention.bytes", "-1")),
                new TopicSpec(NEWS_ENRICHED, Map.of(
                        "cleanup.policy", "delete",
                        "retention.ms", timeBased,
                        "message.timestamp.type", APPEND_TIME)),
                new TopicSpec(POLICY_CONFLICTS, Map.of(
                        "cleanup.policy", "compact",
                        // tombstones of retracted conflicts stay a day so that consumers see them
                        "delete.retention.ms", Long.toString(24L * 60 * 60 * 1000))),
                new TopicSpec(POLICY_ALERTS, Map.of(
                        "cleanup.policy", "delete",
                        "retention.ms", timeBased,
                        "message.timestamp.type", APPEND_TIME)),
                new TopicSpec(NEWS_DLQ, Map.of(
                        "cleanup.policy", "delete",
                        "retention.ms", timeBased,
                        "message.timestamp.type", APPEND_TIME)));
    }

    /** The names of {@link #all()}, in order. */
    public static List<String> names() {
        return all().stream().map(TopicSpec::name).toList();
    }
}
