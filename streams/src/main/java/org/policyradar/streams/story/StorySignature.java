package org.policyradar.streams.story;

import java.util.List;
import java.util.Optional;
import org.policyradar.avro.GovernmentLevel;
import org.policyradar.avro.Instrument;
import org.policyradar.avro.PolicyPosition;
import org.policyradar.avro.PolicyTopic;
import org.policyradar.avro.Stance;

/**
 * What two articles must share to be the same story: the same actor, instrument, stance, topic and jurisdiction
 * of their first non-neutral position (an ICE operation in Chicago and one in Charlotte are different stories). Outlets name things differently, so each part is normalised: a federal actor to
 * its department ("the attorney general" and "U.S. attorneys" are both US-DOJ; ICE and CBP are US-DHS), a state
 * or local actor to its government and place (the NYPD and its commissioner are LOCAL@US-NY-NEW_YORK_CITY),
 * and the instrument to its family (a memo, a directive and guidance are all a written order; a statement and
 * an unknown instrument are the same). Near-duplicate text then decides (see {@link StoryClusterer}).
 */
public final class StorySignature {

    private StorySignature() {
    }

    /** The signature, or empty when the item has no non-neutral position (it never joins another story). */
    public static Optional<String> of(List<PolicyPosition> positions) {
        if (positions == null) {
            return Optional.empty();
        }
        return positions.stream()
                .filter(p -> p.getStance() != Stance.NEUTRAL)
                .findFirst()
                .map(first -> actorKey(first) + "|" + instrumentFamily(first.getInstrument()) + "|"
                        + first.getStance() + "|" + mostSpecificTopic(first, positions) + "|"
                        + first.getJurisdiction().getCode());
    }

    /**
     * Of the topics the first actor takes this stance on, the most specific one: one outlet mentions the schools
     * where another only speaks of cooperation, so COOPERATION, the most general topic, counts only when alone.
     */
    static PolicyTopic mostSpecificTopic(PolicyPosition first, List<PolicyPosition> positions) {
        PolicyTopic best = first.getTopic();
        for (PolicyPosition p : positions) {
            if (p.getActorId().equals(first.getActorId()) && p.getStance() == first.getStance()
                    && rank(p.getTopic()) < rank(best)) {
                best = p.getTopic();
            }
        }
        return best;
    }

    private static int rank(PolicyTopic topic) {
        return topic == PolicyTopic.COOPERATION ? 100 : topic.ordinal();
    }

    static String actorKey(PolicyPosition position) {
        String id = position.getActorId();
        if (position.getLevel() == GovernmentLevel.FEDERAL) {
            String[] parts = id.split("-");
            return parts.length >= 2 && parts[0].equals("US") ? parts[0] + "-" + parts[1] : id;
        }
        String place = position.getJurisdiction().getCode();
        if (place == null || place.isBlank() || place.equals("UNKNOWN")) {
            return id;
        }
        return position.getLevel() + "@" + place;
    }

    static String instrumentFamily(Instrument instrument) {
        return switch (instrument) {
            case MEMO, DIRECTIVE, GUIDANCE -> "WRITTEN_ORDER";
            case LAW, ORDINANCE -> "LAW";
            case STATEMENT, UNKNOWN -> "STATEMENT";
            default -> instrument.name();
        };
    }
}
