package org.policyradar.app.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.policyradar.app.pipeline.EvalCorpus;
import org.policyradar.avro.NewsItem;

/**
 * The evaluation corpus ({@code /corpus/eval-news.txt}: 102 items, several stories told by several outlets) as
 * news items published half an hour apart: the same items and ids as the pipeline tests' {@link EvalCorpus},
 * but dated within the last week.
 *
 * <p>Why not a fixed date: the pipeline stamps its output records with the items' event time, and the broker
 * deletes records by timestamp against its own clock (news.enriched.v1 and policy.alerts.v1 after 7 days, the
 * window-store changelogs after the store retention). Items dated months ago lose outputs and changelog records
 * at the broker's first retention check, which would blur what these tests are about (see docs/reliability.md).
 * The start is fixed once per test JVM, so every run in it (reference and fault) sees the same items, and it is
 * aligned, as the fixed date of {@code EvalCorpus} is, on the three-day story windows.
 */
final class ReliabilityCorpus {

    /** Start on a three-day boundary, as the fixed date of {@code EvalCorpus} is. */
    private static final Duration STORY_WINDOW = Duration.ofDays(3);

    /** Three to six days ago, on a story-window boundary: the whole corpus is in the past and inside a week. */
    static final Instant START = Instant.ofEpochMilli(Math.floorDiv(
            Instant.now().minus(STORY_WINDOW).toEpochMilli(), STORY_WINDOW.toMillis()) * STORY_WINDOW.toMillis());

    private static final List<NewsItem> ITEMS = List.copyOf(EvalCorpus.items(START));

    private ReliabilityCorpus() {
    }

    /** Every item, in publishing order. */
    static List<NewsItem> items() {
        return ITEMS;
    }

    /** The first half (rounded up) of the items. */
    static List<NewsItem> firstHalf() {
        return ITEMS.subList(0, (ITEMS.size() + 1) / 2);
    }

    /** The rest of the items after {@link #firstHalf()}. */
    static List<NewsItem> secondHalf() {
        return ITEMS.subList((ITEMS.size() + 1) / 2, ITEMS.size());
    }

    /** The ids of every item. */
    static Set<String> ids() {
        return ITEMS.stream().map(NewsItem::getId).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** Publishes the items in order to news.items.v1 through the registry serdes, and waits for every ack. */
    static void publish(Map<String, Object> config, List<NewsItem> items) {
        EvalCorpus.publish(config, items);
    }
}
