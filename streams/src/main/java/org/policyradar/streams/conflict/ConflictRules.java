package org.policyradar.streams.conflict;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.policyradar.avro.ConflictParty;
import org.policyradar.avro.EnrichedNewsItem;
import org.policyradar.avro.Evidence;
import org.policyradar.avro.EvidenceField;
import org.policyradar.avro.GovernmentBranch;
import org.policyradar.avro.GovernmentLevel;
import org.policyradar.avro.JurisdictionKind;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.avro.PolicyPosition;
import org.policyradar.avro.PolicyTopic;
import org.policyradar.avro.Stance;
import org.policyradar.streams.enrich.Gazetteer;
import org.policyradar.streams.enrich.PolicyDomains;
import org.policyradar.streams.enrich.RuleSet;

/**
 * The definition of a policy conflict, as a pure function of two enriched items. A conflict is a pair of
 * positions from two different stories on the same topic where one is PRESS by a federal (non-judicial) actor
 * and the other RESIST by a state or local (non-judicial) actor, and the federal position applies to the
 * resisting jurisdiction: it is nationwide, or it targets that city or county, or the state it lies in. ALIGN
 * and NEUTRAL positions, two federal or two state/local positions, foreign or judicial actors never conflict.
 *
 * <p>One conflict per topic and pair of stories: the best-scoring pair of positions. The score is the geometric
 * mean of the two confidences times how specific the match of places is (the same place 1.0, a place inside
 * the target 0.95, nationwide 0.9, a resisting place that could not be resolved 0.7).
 */
public final class ConflictRules {

    static final double SAME_PLACE = 1.0;
    static final double CONTAINED = 0.95;
    static final double NATIONWIDE = 0.9;
    static final double UNRESOLVED = 0.7;

    private final String ruleVersion;
    private final Gazetteer gazetteer;

    /** Rules that match places by code and state only. */
    public ConflictRules(String ruleVersion) {
        this(ruleVersion, null);
    }

    /** Rules that also know which counties and metro areas contain which cities (Cook County contains Chicago). */
    public ConflictRules(RuleSet rules) {
        this(rules.version(), rules.gazetteer());
    }

    private ConflictRules(String ruleVersion, Gazetteer gazetteer) {
        this.ruleVersion = Objects.requireNonNull(ruleVersion, "ruleVersion");
        this.gazetteer = gazetteer;
    }

    /** Conflicts between the positions of two enriched items of different stories, one per topic; empty when none. */
    public List<PolicyConflict> match(EnrichedNewsItem a, EnrichedNewsItem b) {
        if (a.getItemId().equals(b.getItemId()) || storyOf(a).equals(storyOf(b))) {
            return List.of();
        }
        Map<PolicyTopic, PartyPair> best = new EnumMap<>(PolicyTopic.class);
        collect(a, b, best);
        collect(b, a, best);
        List<PolicyConflict> conflicts = new ArrayList<>();
        best.forEach((topic, pair) -> conflicts.add(conflictOf(topic, pair)));
        return conflicts;
    }

    /**
     * The id of the conflict between a pressing and a resisting story on a topic: a SHA-256 prefix of the topic's
     * domain, the topic and the two stories, pressing first, so it does not depend on which item arrived first.
     * Immigration's domain is left out of the key so that its conflict ids stay what they were before the packs.
     */
    public static String conflictId(PolicyTopic topic, String pressingStoryId, String resistingStoryId) {
        String domain = PolicyDomains.of(topic);
        String key = (PolicyDomains.IMMIGRATION.equals(domain) ? "" : domain + "|") + topic.name() + "|"
                + pressingStoryId + "|" + resistingStoryId;
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return "conflict-" + HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }

    /** True for a position that can be the pressing side of a conflict. */
    public static boolean isPressing(PolicyPosition position) {
        return position.getStance() == Stance.PRESS && position.getLevel() == GovernmentLevel.FEDERAL
                && position.getBranch() != GovernmentBranch.JUDICIAL;
    }

    /** True for a position that can be the resisting side of a conflict. */
    public static boolean isResisting(PolicyPosition position) {
        return position.getStance() == Stance.RESIST
                && (position.getLevel() == GovernmentLevel.STATE || position.getLevel() == GovernmentLevel.LOCAL)
                && position.getBranch() != GovernmentBranch.JUDICIAL
                && position.getJurisdiction().getKind() != JurisdictionKind.FOREIGN
                && position.getJurisdiction().getKind() != JurisdictionKind.NATIONWIDE;
    }

    /**
     * How well the pressing jurisdiction covers the resisting one, in [0,1]; 0 when it does not apply there.
     */
    double coverage(PolicyPosition pressing, PolicyPosition resisting) {
        var p = pressing.getJurisdiction();
        var r = resisting.getJurisdiction();
        switch (p.getKind()) {
            case NATIONWIDE:
                return switch (r.getKind()) {
                    case STATE, COUNTY, CITY -> NATIONWIDE;
                    case UNKNOWN -> UNRESOLVED;
                    default -> 0.0;
                };
            case STATE:
                if (r.getKind() == JurisdictionKind.STATE) {
                    return p.getCode().equals(r.getCode()) ? SAME_PLACE : 0.0;
                }
                return p.getCode().equals(r.getState()) ? CONTAINED : 0.0;
            case CITY, COUNTY:
                if (r.getKind() != JurisdictionKind.CITY && r.getKind() != JurisdictionKind.COUNTY) {
                    return 0.0;
                }
                if (p.getCode().equals(r.getCode())) {
                    return SAME_PLACE;
                }
                return gazetteer != null && gazetteer.contains(p.getCode(), r.getCode()) ? CONTAINED : 0.0;
            default:
                return 0.0;
        }
    }

    private void collect(EnrichedNewsItem pressingItem, EnrichedNewsItem resistingItem,
                         Map<PolicyTopic, PartyPair> best) {
        for (PolicyPosition pressing : pressingItem.getPositions()) {
            if (!isPressing(pressing)) {
                continue;
            }
            for (PolicyPosition resisting : resistingItem.getPositions()) {
                if (!isResisting(resisting) || pressing.getTopic() != resisting.getTopic()) {
                    continue;
                }
                double coverage = coverage(pressing, resisting);
                if (coverage <= 0.0) {
                    continue;
                }
                double score = score(pressing, resisting, coverage);
                PartyPair pair = new PartyPair(partyOf(pressingItem, pressing), partyOf(resistingItem, resisting),
                        score);
                best.merge(pressing.getTopic(), pair, PartyPair::better);
            }
        }
    }

    private PolicyConflict conflictOf(PolicyTopic topic, PartyPair pair) {
        ConflictParty pressing = pair.pressing();
        ConflictParty resisting = pair.resisting();
        Instant seen = pressing.getPublishedAt().isAfter(resisting.getPublishedAt())
                ? pressing.getPublishedAt() : resisting.getPublishedAt();
        List<String> articleIds = new ArrayList<>(List.of(pressing.getItemId(), resisting.getItemId()));
        articleIds.sort(Comparator.naturalOrder());
        return PolicyConflict.newBuilder()
                .setConflictId(conflictId(topic, pressing.getStoryId(), resisting.getStoryId()))
                .setTopic(topic)
                .setPressing(pressing)
                .setResisting(resisting)
                .setPressingArticles(List.of(pressing))
                .setResistingArticles(List.of(resisting))
                .setScore(pair.score())
                .setExplanation(explanation(topic, pressing.getPosition(), resisting.getPosition()))
                .setRuleVersion(ruleVersion)
                .setFirstSeen(seen)
                .setLastSeen(seen)
                .setArticleIds(articleIds)
                .setEvidenceCount(articleIds.size())
                .build();
    }

    private static ConflictParty partyOf(EnrichedNewsItem item, PolicyPosition position) {
        return ConflictParty.newBuilder()
                .setItemId(item.getItemId())
                .setStoryId(storyOf(item))
                .setHeadline(item.getHeadline())
                .setText(item.getText())
                .setPublishedAt(item.getPublishedAt())
                .setPosition(position)
                .build();
    }

    static String explanation(PolicyTopic topic, PolicyPosition pressing, PolicyPosition resisting) {
        String where = pressing.getJurisdiction().getKind() == JurisdictionKind.NATIONWIDE ? "nationwide"
                : "in " + pressing.getJurisdiction().getName();
        return String.format(Locale.ROOT, "%s (%s) presses on %s %s%s while %s (%s) resists in %s%s.",
                pressing.getActorName(), pressing.getLevel(), topic, where, quoted(pressing),
                resisting.getActorName(), resisting.getLevel(), resisting.getJurisdiction().getName(), quoted(resisting));
    }

    private static String quoted(PolicyPosition position) {
        return position.getEvidence().stream()
                .filter(e -> e.getField() == EvidenceField.STANCE)
                .map(Evidence::getPhrase)
                .findFirst()
                .map(phrase -> " ('" + phrase + "')")
                .orElse("");
    }

    private static String storyOf(EnrichedNewsItem item) {
        return item.getStoryId() == null || item.getStoryId().isBlank() ? item.getItemId() : item.getStoryId();
    }

    /** The score of a pair: the geometric mean of the confidences times the coverage, to four decimals. */
    static double score(PolicyPosition pressing, PolicyPosition resisting, double coverage) {
        return Math.round(Math.sqrt(clamp(pressing.getConfidence()) * clamp(resisting.getConfidence()))
                * coverage * 10_000.0) / 10_000.0;
    }

    /** The version of the rules, stamped on every conflict. */
    public String ruleVersion() {
        return ruleVersion;
    }

    private static double clamp(double value) {
        return Math.max(0.0, Math.min(1.0, value));
    }
}
