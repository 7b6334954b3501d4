package org.policyradar.streams.topology;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import org.policyradar.avro.ConflictParty;
import org.policyradar.avro.PolicyConflict;

/**
 * Folds one more observed article pair into a conflict between two stories. Every choice is order-independent,
 * so the same set of articles gives the same conflict whatever order they arrive in: each side is represented by
 * its earliest article (then smallest id), the explanation is the one of that representative pair, the score is
 * the highest seen, and the article lists are sorted unions.
 */
final class ConflictMerge {

    static final Comparator<ConflictParty> EARLIEST_ARTICLE = Comparator
            .comparing(ConflictParty::getPublishedAt)
            .thenComparing(ConflictParty::getItemId);

    private ConflictMerge() {
    }

    /** The merged conflict; equal to {@code current} when the observation adds nothing. */
    static PolicyConflict merge(PolicyConflict current, PolicyConflict observed) {
        List<ConflictParty> pressingArticles = union(current.getPressingArticles(), observed.getPressingArticles());
        List<ConflictParty> resistingArticles = union(current.getResistingArticles(), observed.getResistingArticles());
        ConflictParty pressing = earliest(current.getPressing(), observed.getPressing());
        ConflictParty resisting = earliest(current.getResisting(), observed.getResisting());
        boolean observedIsRepresentative = pressing.getItemId().equals(observed.getPressing().getItemId())
                && resisting.getItemId().equals(observed.getResisting().getItemId());
        PolicyConflict representative = observedIsRepresentative ? observed : current;

        TreeSet<String> articles = new TreeSet<>(current.getArticleIds());
        articles.addAll(observed.getArticleIds());
        List<String> articleIds = List.copyOf(articles);

        return PolicyConflict.newBuilder(current)
                .setPressing(pressing)
                .setResisting(resisting)
                .setExplanation(representative.getExplanation())
                .setScore(Math.max(current.getScore(), observed.getScore()))
                .setFirstSeen(min(current.getFirstSeen(), observed.getFirstSeen()))
                .setLastSeen(max(current.getLastSeen(), observed.getLastSeen()))
                .setArticleIds(articleIds)
                .setPressingArticles(pressingArticles)
                .setResistingArticles(resistingArticles)
                .setEvidenceCount(articleIds.size())
                .build();
    }

    /** Both lists' articles, once each (by item id), earliest first. */
    private static List<ConflictParty> union(List<ConflictParty> a, List<ConflictParty> b) {
        TreeMap<String, ConflictParty> byItem = new TreeMap<>();
        a.forEach(party -> byItem.put(party.getItemId(), party));
        b.forEach(party -> byItem.putIfAbsent(party.getItemId(), party));
        return byItem.values().stream().sorted(EARLIEST_ARTICLE).toList();
    }

    private static ConflictParty earliest(ConflictParty a, ConflictParty b) {
        return EARLIEST_ARTICLE.compare(a, b) <= 0 ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
