package org.policyradar.streams.conflict;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.policyradar.avro.ConflictParty;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.avro.PolicyPosition;
import org.policyradar.avro.PolicyTopic;
import org.policyradar.avro.StoryArticle;
import org.policyradar.avro.StoryState;
import org.policyradar.avro.StorySummary;
import org.policyradar.streams.story.Bounded;
import org.policyradar.streams.story.StoryFold;

/**
 * The conflict between two stories on one topic, as a pure function of their (coarse) states: the best pair of a
 * pressing position of one and a resisting position of the other by {@link ConflictRules}, provided the two
 * stories' periods meet. Because the value depends on nothing but the two states, any arrival order that leads
 * to the same states gives the same conflict, byte for byte.
 */
public final class StoryConflicts {

    private final ConflictRules rules;
    private final Duration window;

    public StoryConflicts(ConflictRules rules, Duration window) {
        this.rules = rules;
        this.window = window;
    }

    /** Whether two stories' periods meet: each is in force before the other's ends. */
    public boolean periodsMeet(StorySummary a, StorySummary b) {
        return StoryFold.inForceFrom(a).isBefore(StoryFold.inForceUntil(b, window))
                && StoryFold.inForceFrom(b).isBefore(StoryFold.inForceUntil(a, window));
    }

    /**
     * The conflict on {@code topic} where {@code pressing} presses and {@code resisting} resists; empty when
     * they are the same story, their periods do not meet, or no pair of their positions conflicts.
     */
    public Optional<PolicyConflict> between(PolicyTopic topic, StoryState pressing, StoryState resisting) {
        StorySummary p = pressing.getSummary();
        StorySummary r = resisting.getSummary();
        if (p.getStoryId().equals(r.getStoryId()) || !periodsMeet(p, r)) {
            return Optional.empty();
        }
        PartyPair best = null;
        for (ConflictParty press : pressing.getParties()) {
            PolicyPosition pp = press.getPosition();
            if (pp.getTopic() != topic || !ConflictRules.isPressing(pp)) {
                continue;
            }
            for (ConflictParty resist : resisting.getParties()) {
                PolicyPosition rp = resist.getPosition();
                if (rp.getTopic() != topic || !ConflictRules.isResisting(rp)) {
                    continue;
                }
                double coverage = rules.coverage(pp, rp);
                if (coverage <= 0.0) {
                    continue;
                }
                best = PartyPair.better(best, new PartyPair(press, resist, ConflictRules.score(pp, rp, coverage)));
            }
        }
        return Optional.ofNullable(best).map(b -> conflictOf(topic, b, p, r));
    }

    private PolicyConflict conflictOf(PolicyTopic topic, PartyPair best, StorySummary p, StorySummary r) {
        Instant firstSeen = p.getFirstSeen().isAfter(r.getFirstSeen()) ? p.getFirstSeen() : r.getFirstSeen();
        Instant lastDay = p.getLastSeen().isAfter(r.getLastSeen()) ? p.getLastSeen() : r.getLastSeen();
        // the stories' last times are day starts; a reader must never see a conflict last seen before it began
        Instant lastSeen = lastDay.isAfter(firstSeen) ? lastDay : firstSeen;
        PolicyConflict conflict = build(topic, best, p, r, firstSeen, lastSeen);
        // by the caps of StoryFold a conflict stays far below the bound; should adversarial input still reach
        // it, representative articles go first, the latest first (a pure function of the states, like the rest)
        StorySummary ps = p;
        StorySummary rs = r;
        while (!Bounded.fits(conflict)
                && (!ps.getReports().isEmpty() || !rs.getReports().isEmpty())) {
            if (ps.getReports().size() >= rs.getReports().size()) {
                ps = withoutLastReport(ps);
            } else {
                rs = withoutLastReport(rs);
            }
            conflict = build(topic, best, ps, rs, firstSeen, lastSeen);
        }
        return conflict;
    }

    private PolicyConflict build(PolicyTopic topic, PartyPair best, StorySummary p, StorySummary r, Instant firstSeen,
                                 Instant lastSeen) {
        List<String> articleIds = new ArrayList<>();
        p.getReports().forEach(a -> articleIds.add(a.getItemId()));
        r.getReports().forEach(a -> articleIds.add(a.getItemId()));
        articleIds.sort(Comparator.naturalOrder());
        return PolicyConflict.newBuilder()
                .setConflictId(ConflictRules.conflictId(topic, p.getStoryId(), r.getStoryId()))
                .setTopic(topic)
                .setPressing(best.pressing())
                .setResisting(best.resisting())
                .setScore(best.score())
                .setExplanation(ConflictRules.explanation(topic, best.pressing().getPosition(),
                        best.resisting().getPosition()))
                .setRuleVersion(rules.ruleVersion())
                .setFirstSeen(firstSeen)
                .setLastSeen(lastSeen)
                .setArticleIds(articleIds)
                .setEvidenceCount(p.getArticleCount() + r.getArticleCount())
                .setPressingArticles(List.of())
                .setResistingArticles(List.of())
                .setPressingStory(p)
                .setResistingStory(r)
                .build();
    }

    private static StorySummary withoutLastReport(StorySummary summary) {
        List<StoryArticle> reports = summary.getReports();
        return StorySummary.newBuilder(summary).setReports(List.copyOf(reports.subList(0, reports.size() - 1)))
                .build();
    }
}
