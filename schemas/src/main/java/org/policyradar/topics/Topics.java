package org.policyradar.topics;

import java.util.List;

/**
 * The one place that names the project's topics, as compile-time constants (command-line defaults, logs, tools and
 * tests). The topics themselves — key and value formats, the configs they are created with — are the
 * {@link Topic}s of {@link TopicCatalogue}, which take their names from here.
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
    /** Alerts the dispatcher could not deliver, as read, with why in headers ({@link TopicCatalogue#ALERTS_DLQ}). */
    public static final String ALERTS_DLQ = "policy.alerts.dlq.v1";

    private Topics() {
    }

    /** The names of the pipeline's topics ({@link TopicCatalogue#pipeline()}), in order. */
    public static List<String> names() {
        return TopicCatalogue.pipeline().stream().map(Topic::name).toList();
    }
}
