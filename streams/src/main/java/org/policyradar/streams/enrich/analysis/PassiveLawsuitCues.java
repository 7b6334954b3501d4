package org.policyradar.streams.enrich.analysis;

import java.util.List;
import org.policyradar.streams.enrich.Mentions.ActorMention;
import org.policyradar.streams.enrich.Mentions.PlaceMention;
import org.policyradar.streams.enrich.PhraseIndex.Hit;
import org.policyradar.streams.enrich.Segmenter.Clause;
import org.policyradar.streams.enrich.analysis.Candidate.Side;

/**
 * The SUE_PASSIVE family: a lawsuit whose plaintiff comes after the cue ("Illinois was sued by the Justice
 * Department"). A state or local subject is the defendant: its places are what the suit is aimed at, and with
 * no plaintiff named the federal government is implied.
 */
final class PassiveLawsuitCues extends CueFamily {

    PassiveLawsuitCues(CueTools tools) {
        super(tools);
    }

    @Override
    Candidate decide(CueReading reading) {
        if (reading.negated()) {
            return null;
        }
        Clause clause = reading.clause();
        Hit hit = reading.hit();
        ActorMention subject = reading.subject();
        List<PlaceMention> targets = subject != null && subject.stateOrLocal()
                ? subject.agents().stream().filter(a -> a.place() != null)
                .map(a -> new PlaceMention(a.placeStart(), a.placeEnd(), a.place(), false)).toList()
                : List.of();
        ActorMention agent = agents.firstAfter(clause, hit.end(), m -> !m.judicial());
        double factor = reading.clauseFactor();
        if (agent == null) {
            agent = agents.inherited(clause, true, reading.before());
            factor *= confidence.inheritedAgent();
        }
        if (agent == null && subject != null && subject.stateOrLocal()) {
            return new Candidate(clause, null, agents.impliedFederal(hit), Side.PRESS, hit, null, reading.weight(),
                    reading.clauseFactor() * confidence.impliedFederalAgent(), reading.rule() + "+implied-federal",
                    targets);
        }
        if (agent == null || !(agent.federal() || agent.stateOrLocal())) {
            return null;
        }
        return new Candidate(clause, agent, null, agent.federal() ? Side.PRESS : Side.RESIST, hit, null,
                reading.weight(), factor, reading.rule(), targets);
    }
}
