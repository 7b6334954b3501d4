package org.policyradar.streams.enrich.analysis;

import java.util.List;
import org.policyradar.streams.enrich.Mentions.ActorMention;
import org.policyradar.streams.enrich.Mentions.Agent;
import org.policyradar.streams.enrich.Mentions.PlaceMention;
import org.policyradar.streams.enrich.PhraseIndex.Hit;
import org.policyradar.streams.enrich.Segmenter.Clause;

/**
 * A decision that an actor takes a side in a clause.
 *
 * @param agent    the actor mention, or null for an actor implied by the cue
 * @param implied  the implied actor when {@code agent} is null
 * @param cue      the cue that decided it (the instrument hit for the default rules)
 * @param negator  the first negation that flipped it, or null
 * @param weight   confidence of the cue
 * @param factor   product of the confidence factors (inherited agent, subordinate clause...)
 * @param rule     id of the rule, for evidence
 * @param targets  places the action is aimed at beyond those named in the clause (passive lawsuits)
 */
record Candidate(Clause clause, ActorMention agent, Agent implied, Side side, Hit cue, Hit negator,
                 double weight, double factor, String rule, List<PlaceMention> targets) {

    /** The side of a position, before it becomes a stance. */
    enum Side { PRESS, RESIST, ALIGN, JUDICIAL, NEUTRAL }

    double confidence() {
        return weight * factor;
    }

    List<Agent> agents() {
        return agent != null ? agent.agents() : List.of(implied);
    }

    /** The phrase that names one of its agents: the actor mention, or for an implied actor the cue. */
    Span spanOf(Agent one) {
        return agent != null ? new Span(agent.start(), agent.end()) : new Span(one.placeStart(), one.placeEnd());
    }

    /** The same decision as a NEUTRAL one, its rule marked with why (e.g. "+report"). */
    Candidate neutral(String why) {
        return new Candidate(clause, agent, implied, Side.NEUTRAL, cue, negator, weight, factor, rule + why, targets);
    }
}
