package org.policyradar.streams.conflict;

import java.util.Comparator;
import org.policyradar.avro.ConflictParty;

/**
 * A pressing and a resisting party whose positions conflict on one topic, with the pair's score. Of several
 * pairs of two items or two stories, the conflict shows the best one; the order is total so that the choice
 * never depends on the order in which pairs are tried.
 */
record PartyPair(ConflictParty pressing, ConflictParty resisting, double score) {

    /** Highest score first, then by actors, places and articles, so that ties are broken the same way everywhere. */
    static final Comparator<PartyPair> BETTER_FIRST = Comparator.comparingDouble(PartyPair::score).reversed()
            .thenComparing(p -> p.pressing().getPosition().getActorId())
            .thenComparing(p -> p.resisting().getPosition().getActorId())
            .thenComparing(p -> p.pressing().getPosition().getJurisdiction().getCode())
            .thenComparing(p -> p.resisting().getPosition().getJurisdiction().getCode())
            .thenComparing(p -> p.pressing().getItemId())
            .thenComparing(p -> p.resisting().getItemId());

    /** {@code tried} if it is strictly better than {@code kept} ({@code null} for none yet), else {@code kept}. */
    static PartyPair better(PartyPair kept, PartyPair tried) {
        return kept == null || BETTER_FIRST.compare(tried, kept) < 0 ? tried : kept;
    }
}
