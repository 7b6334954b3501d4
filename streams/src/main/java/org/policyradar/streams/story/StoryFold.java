package org.policyradar.streams.story;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.policyradar.avro.ConflictParty;
import org.policyradar.avro.EnrichedNewsItem;
import org.policyradar.avro.EventTimeSource;
import org.policyradar.avro.Evidence;
import org.policyradar.avro.PolicyPosition;
import org.policyradar.avro.StoryArticle;
import org.policyradar.avro.StoryState;
import org.policyradar.avro.StorySummary;
import org.policyradar.streams.conflict.ConflictRules;

/**
 * Folds the articles of a story into its {@link StoryState}. Every part of the fold is commutative and
 * associative, so any arrival order of the same articles gives the same state: counts add, the first time is the
 * minimum and the last the maximum, a story is undated once any of its articles is, the representative articles are the earliest {@value #MAX_REPORTS} by
 * (publishedAt, itemId), and each position (actor, stance, topic, place) is taken from the earliest article that
 * reports it, keeping the {@value #MAX_PARTIES} smallest keys.
 *
 * <p>{@link #coarse(StoryState)} is what the rest of the engine sees of a story: the count rounded down to a power
 * of two and the last time to its UTC day, so that a flood of reports changes it a logarithmic number of times.
 */
public final class StoryFold {

    /** Representative articles kept per story. */
    public static final int MAX_REPORTS = 10;
    /** Distinct pressing or resisting positions kept per story. */
    public static final int MAX_PARTIES = 6;
    /** Evidence phrases kept per position of a story. */
    public static final int MAX_EVIDENCE = 6;
    /** Characters of an article's text kept with a position (the full text is on news.enriched.v1). */
    public static final int PARTY_TEXT_CHARS = 1_000;
    /** Characters of a headline kept in a story. */
    public static final int HEADLINE_CHARS = 300;
    /** Characters of a url kept in a story. */
    public static final int URL_CHARS = 300;
    /** Characters of a source kept in a story. */
    public static final int SOURCE_CHARS = 100;
    /** Where the period of an undated story starts: the earliest event time the pipeline accepts. */
    public static final Instant UNDATED_FROM = Instant.EPOCH;

    private static final Duration DAY = Duration.ofDays(1);

    private static final Comparator<StoryArticle> EARLIEST_REPORT = Comparator
            .comparing(StoryArticle::getPublishedAt).thenComparing(StoryArticle::getItemId);

    private StoryFold() {
    }

    /** True when an item takes part in conflict matching at all (it has a pressing or resisting position). */
    public static boolean matters(EnrichedNewsItem item) {
        return item.getPositions().stream().anyMatch(p -> ConflictRules.isPressing(p) || ConflictRules.isResisting(p));
    }

    /**
     * What the story step needs of an item: its conflict-relevant positions and the part of its text kept with
     * them (so that the repartition between enrichment and stories carries kilobytes, not whole articles).
     */
    public static EnrichedNewsItem slim(EnrichedNewsItem item) {
        return EnrichedNewsItem.newBuilder(item)
                .setText(Bounded.cut(item.getText(), PARTY_TEXT_CHARS))
                .setPositions(item.getPositions().stream()
                        .filter(p -> ConflictRules.isPressing(p) || ConflictRules.isResisting(p))
                        .toList())
                .build();
    }

    /** The state of a story after one more of its articles; {@code current} is null for the first one. */
    public static StoryState add(StoryState current, EnrichedNewsItem item) {
        TreeMap<String, ConflictParty> parties = new TreeMap<>();
        List<StoryArticle> reports = new ArrayList<>();
        int count = 1;
        Instant first = item.getPublishedAt();
        Instant last = item.getPublishedAt();
        boolean undated = item.getEventTimeSource() == EventTimeSource.INGESTED;
        if (current != null) {
            undated |= current.getSummary().getUndated();
            current.getParties().forEach(p -> parties.put(keyOf(p.getPosition()), p));
            reports.addAll(current.getSummary().getReports());
            count = current.getSummary().getArticleCount() + 1;
            first = min(first, current.getSummary().getFirstSeen());
            last = max(last, current.getSummary().getLastSeen());
        }
        for (PolicyPosition position : item.getPositions()) {
            if (ConflictRules.isPressing(position) || ConflictRules.isResisting(position)) {
                parties.merge(keyOf(position), partyOf(item, position), StoryFold::earlier);
            }
        }
        while (parties.size() > MAX_PARTIES) {
            parties.pollLastEntry();
        }
        if (reports.stream().noneMatch(r -> r.getItemId().equals(item.getItemId()))) {
            reports.add(reportOf(item));
        }
        reports.sort(EARLIEST_REPORT);
        List<StoryArticle> kept = List.copyOf(reports.subList(0, Math.min(MAX_REPORTS, reports.size())));
        return StoryState.newBuilder()
                .setSummary(StorySummary.newBuilder()
                        .setStoryId(item.getStoryId())
                        .setArticleCount(count)
                        .setFirstSeen(first)
                        .setLastSeen(last)
                        .setReports(kept)
                        .setUndated(undated)
                        .build())
                .setParties(List.copyOf(parties.values()))
                .build();
    }

    /**
     * The story as matching and conflicts see it: the count rounded down to a power of two, the last time to the
     * start of its UTC day. Two states with equal coarse views give equal conflicts.
     */
    public static StoryState coarse(StoryState exact) {
        StorySummary summary = exact.getSummary();
        return StoryState.newBuilder(exact)
                .setSummary(StorySummary.newBuilder(summary)
                        .setArticleCount(Integer.highestOneBit(summary.getArticleCount()))
                        .setLastSeen(startOfDay(summary.getLastSeen()))
                        .build())
                .build();
    }

    /** The start of the UTC day an instant lies in. */
    public static Instant startOfDay(Instant time) {
        return Instant.ofEpochMilli(Math.floorDiv(time.toEpochMilli(), DAY.toMillis()) * DAY.toMillis());
    }

    /**
     * The story's period: from the start of the UTC day of its first report to the end of the UTC day of its last
     * report plus the window. Day precision, so that the period changes once a day at most, however many outlets
     * report. A story with an article that carried no publication time (its event time is when it was ingested)
     * may have been reported at any time before that, so its period starts at {@link #UNDATED_FROM}: otherwise a
     * replay of undated history would set it apart, by the date of the replay, from the dated stories it answers.
     * A story never turns dated again, so its period only grows and no arrival order loses a conflict.
     */
    public static Instant inForceFrom(StorySummary story) {
        return story.getUndated() ? UNDATED_FROM : startOfDay(story.getFirstSeen());
    }

    /** The end of a story's period (exclusive). */
    public static Instant inForceUntil(StorySummary story, Duration window) {
        return startOfDay(story.getLastSeen()).plus(DAY).plus(window);
    }

    /** Key of a position within its story: who, which stance, on what, where. */
    static String keyOf(PolicyPosition position) {
        return position.getActorId() + "|" + position.getStance() + "|" + position.getTopic() + "|"
                + position.getJurisdiction().getCode();
    }

    private static ConflictParty earlier(ConflictParty a, ConflictParty b) {
        int byTime = a.getPublishedAt().compareTo(b.getPublishedAt());
        if (byTime != 0) {
            return byTime < 0 ? a : b;
        }
        // the same article may report one key twice: its first mention wins, as the current entry is kept
        return a.getItemId().compareTo(b.getItemId()) <= 0 ? a : b;
    }

    private static ConflictParty partyOf(EnrichedNewsItem item, PolicyPosition position) {
        List<Evidence> evidence = position.getEvidence();
        PolicyPosition bounded = evidence.size() <= MAX_EVIDENCE ? position
                : PolicyPosition.newBuilder(position).setEvidence(List.copyOf(evidence.subList(0, MAX_EVIDENCE)))
                        .build();
        return ConflictParty.newBuilder()
                .setItemId(item.getItemId())
                .setStoryId(item.getStoryId())
                .setHeadline(Bounded.cut(item.getHeadline(), HEADLINE_CHARS))
                .setText(Bounded.cut(item.getText(), PARTY_TEXT_CHARS))
                .setPublishedAt(item.getPublishedAt())
                .setPosition(bounded)
                .build();
    }

    private static StoryArticle reportOf(EnrichedNewsItem item) {
        return StoryArticle.newBuilder()
                .setItemId(item.getItemId())
                .setSource(Bounded.cut(item.getSource(), SOURCE_CHARS))
                .setUrl(Bounded.cut(item.getUrl(), URL_CHARS))
                // an item read from plain text has no headline: the start of its text stands in for it
                .setHeadline(Bounded.cut(item.getHeadline() != null && !item.getHeadline().isBlank()
                        ? item.getHeadline() : item.getText(), HEADLINE_CHARS))
                .setPublishedAt(item.getPublishedAt())
                .build();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
