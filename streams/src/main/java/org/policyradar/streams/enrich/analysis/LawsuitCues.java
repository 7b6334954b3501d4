package org.policyradar.streams.enrich.analysis;

import java.util.List;
import org.policyradar.streams.enrich.ActorResolver;
import org.policyradar.streams.enrich.Mentions.ActorMention;
import org.policyradar.streams.enrich.Mentions.PlaceMention;
import org.policyradar.streams.enrich.PhraseIndex.Hit;
import org.policyradar.streams.enrich.Segmenter.Clause;
import org.policyradar.streams.enrich.analysis.Candidate.Side;

/**
 * The SUE family: a lawsuit whose plaintiff comes before the cue ("California sued", "a coalition of states
 * led by New Jersey sued"). A federal plaintiff presses, a state or local one resists, or aligns when it sues
 * another government over its protections. A negated lawsuit is none.
 */
final class LawsuitCues extends CueFamily {

    LawsuitCues(CueTools tools) {
        super(tools);
    }

    @Override
    Candidate decide(CueReading reading) {
        Clause clause = reading.clause();
        Hit hit = reading.hit();
        if (reading.negated() || !facts.hasObject(clause, hit)) {
            return null;
        }
        ActorMention subject = reading.subject();
        ActorMention agent = agents.nearestBefore(clause, hit.start(),
                subject == null ? clause.start() : subject.start(), m -> !m.judicial());
        double factor = reading.clauseFactor();
        if (agent == null) {
            agent = agents.firstAfter(clause, hit.end(), m -> !m.judicial());
            // "a legal challenge against the president's order": what the suit is against is its defendant
            if (agent != null && constructions.isDefendant(hit, agent)) {
                agent = null;
            }
            factor *= confidence.agentAfterCue();
        }
        if (agent == null) {
            agent = placeSuing(clause, hit);
            factor = reading.clauseFactor() * confidence.placeAsActor();
        }
        if (agent == null || agent.foreign()) {
            return null;
        }
        // "the attorney general sued the city over its sanctuary policy": a state or local government suing
        // another one over its protections pushes it to cooperate
        if (agent.stateOrLocal() && constructions.suesLocalityOverProtection(clause, hit, agent)) {
            return new Candidate(clause, agent, null, Side.ALIGN, hit, null, reading.weight(),
                    factor * confidence.agentFactor(agent), reading.rule() + "+over-protection", List.of());
        }
        Side side = agent.federal() ? Side.PRESS : agent.stateOrLocal() ? Side.RESIST : null;
        return side == null ? null : new Candidate(clause, agent, null, side, hit, null, reading.weight(),
                factor * confidence.agentFactor(agent), reading.rule(), List.of());
    }

    /**
     * "a coalition of states led by New Jersey sued...": the last place before the cue stands for its government
     * ("advocates in Chicago sued": a place after "in" is where the plaintiffs are, not who sues).
     */
    private ActorMention placeSuing(Clause clause, Hit hit) {
        PlaceMention place = facts.places.stream().filter(p -> !p.demonym() && p.start() >= clause.start()
                && p.end() <= hit.start() && !constructions.isLocative(p.start())).reduce((x, y) -> y).orElse(null);
        return place == null ? null : ActorResolver.placeAsActor(place);
    }
}
