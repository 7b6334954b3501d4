package org.policyradar.streams.enrich.analysis;

import java.util.List;
import org.policyradar.avro.GovernmentLevel;
import org.policyradar.avro.JurisdictionKind;
import org.policyradar.streams.enrich.CueKind;
import org.policyradar.streams.enrich.Mentions.ActorMention;
import org.policyradar.streams.enrich.PhraseIndex.Hit;
import org.policyradar.streams.enrich.Segmenter.Clause;
import org.policyradar.streams.enrich.analysis.Candidate.Side;

/**
 * The ENFORCE and THREAT family: enforcing, ordering, operations, threats and obligations. A federal actor
 * taking the action presses; a state or local actor negating it resists; a state warning a city to cooperate
 * aligns; a threat aimed at generic officials with no agent named implies the federal government. An action
 * named as what others oppose, or reported as halted, is no one's stance.
 */
final class EnforcementCues extends CueFamily {

    EnforcementCues(CueTools tools) {
        super(tools);
    }

    @Override
    Candidate decide(CueReading reading) {
        if (reading.cue().needsObject() && !facts.hasObject(reading.clause(), reading.hit())) {
            return null;
        }
        if (reading.polarity() < 0) {
            return negated(reading);
        }
        Clause clause = reading.clause();
        Hit hit = reading.hit();
        ActorMention subject = reading.subject();
        // "protesters rallied against ICE raids": an action named as what others oppose is a mention;
        // "raids in the city were called off": an action reported as halted is a retreat, not pressure
        boolean nominal = facts.isNominal(hit);
        int opposed = nominal ? constructions.objectOfOpposition(hit) : -1;
        if ((opposed >= 0 && (subject == null || !subject.explicit() || subject.start() >= opposed))
                || (nominal && constructions.inBackground(hit)) || constructions.haltedAfter(clause, hit)) {
            return null;
        }
        if (subject != null && subject.federal()) {
            return constructions.isHelpedParty(clause, subject, hit)
                    || constructions.requestedOf(clause, subject, hit, agents) ? null
                    : candidate(reading, subject, Side.PRESS, reading.clauseFactor(), reading.rule());
        }
        if (subject != null && subject.judicial()) {
            return null;
        }
        if (subject != null && subject.stateOrLocal() && subject.explicit()) {
            return byStateOrLocal(reading);
        }
        return byFederalNearby(reading);
    }

    /** "will not enforce": a state or local actor (or the one before) refusing the action resists it. */
    private Candidate negated(CueReading reading) {
        if (reading.kind() == CueKind.THREAT || reading.cue().federalOnly()) {
            return null;
        }
        ActorMention subject = reading.subject();
        ActorMention local = subject != null && subject.stateOrLocal() ? subject
                : subject == null ? agents.inherited(reading.clause(), false, reading.before()) : null;
        if (local == null) {
            return null;
        }
        return new Candidate(reading.clause(), local, null, Side.RESIST, reading.hit(), reading.firstNegator(),
                reading.weight(), reading.clauseFactor() * confidence.agentFactor(local)
                * (subject == null ? confidence.inheritedAgent() : 1.0), reading.rule(), List.of());
    }

    private Candidate byStateOrLocal(CueReading reading) {
        Clause clause = reading.clause();
        Hit hit = reading.hit();
        ActorMention subject = reading.subject();
        if (reading.kind() == CueKind.THREAT && pressesLocalityToCooperate(clause, subject, hit)) {
            // "warned local police that helping ICE would violate state law" presses the city not to cooperate
            Side side = constructions.warnsAgainstCooperation(clause, hit.end()) ? Side.RESIST : Side.ALIGN;
            return candidate(reading, subject, side, reading.clauseFactor(),
                    reading.rule() + "+state-presses-locality");
        }
        // "the mayor's relief for businesses hit by the ICE surge": a named operation is not the mayor's
        if (reading.kind() == CueKind.THREAT || reading.cue().federalOnly() || agents.federalNextTo(hit)
                || facts.isNominal(hit)) {
            return null;
        }
        // "police arrested two people who assaulted an ICE officer": protecting agents is no cooperation
        if (constructions.attackAfter(clause, hit)) {
            return null;
        }
        // a city prosecuting or investigating federal agents acts against enforcement
        Side side = agents.federalRightAfter(clause, hit) ? Side.RESIST : Side.ALIGN;
        return candidate(reading, subject, side, reading.clauseFactor(), reading.rule());
    }

    /** No subject, or a place standing as subject ("Chicago braces for an ICE surge"): a federal actor near by. */
    private Candidate byFederalNearby(CueReading reading) {
        Clause clause = reading.clause();
        Hit hit = reading.hit();
        ActorMention subject = reading.subject();
        double clauseFactor = reading.clauseFactor();
        int from = subject == null ? clause.start() : subject.start();
        ActorMention federal = agents.nearestBefore(clause, hit.start(), from, ActorMention::federal);
        double factor = clauseFactor;
        if (federal == null) {
            federal = agents.firstAfter(clause, hit.end(), ActorMention::federal);
            factor *= confidence.agentAfterCue();
            if (federal != null && constructions.isHelped(clause, federal)) {
                return null;
            }
        }
        if (federal == null && subject == null) {
            federal = agents.inherited(clause, true, reading.before());
            factor = clauseFactor * confidence.inheritedAgent();
        }
        // "troopers joined ICE agents in arrests": the agency a state or local actor helps is its partner
        if (federal != null) {
            return constructions.isHelpedParty(clause, federal, hit)
                    || constructions.requestedOf(clause, federal, hit, agents) ? null
                    : candidate(reading, federal, Side.PRESS, factor, reading.rule());
        }
        if (reading.kind() == CueKind.THREAT && subject == null && facts.sentenceHasGenericTarget(clause)) {
            return new Candidate(clause, null, agents.impliedFederal(hit), Side.PRESS, hit, null, reading.weight(),
                    clauseFactor * confidence.impliedFederalAgent(), reading.rule() + "+implied-federal", List.of());
        }
        return null;
    }

    /**
     * "The Ohio attorney general warned Columbus that ending its ICE agreement would break state law": a state
     * actor threatening a city or county over cooperation pushes it to cooperate.
     */
    private boolean pressesLocalityToCooperate(Clause clause, ActorMention subject, Hit threat) {
        boolean stateLevel = subject.agents().stream().allMatch(a -> a.level() == GovernmentLevel.STATE);
        boolean localAfter = facts.places.stream().anyMatch(p -> p.start() >= threat.end() && p.start() < clause.end()
                && p.place().kind() != JurisdictionKind.STATE && p.domestic())
                || facts.actors.stream().anyMatch(a -> a.start() >= threat.end() && a.start() < clause.end()
                && a.agents().stream().allMatch(g -> g.level() == GovernmentLevel.LOCAL))
                || facts.targets.firstIn(threat.end(), clause.end()) != null;
        // "threatened to remove local officials who adopt sanctuary policies": a protection the targets adopt
        // is what the state presses against
        boolean cooperation = facts.cuesIn(threat.end(), clause.end()).stream()
                .anyMatch(h -> TextFacts.cue(h).kind() == CueKind.COOPERATE
                        || (TextFacts.cue(h).kind() == CueKind.OBSTRUCT && facts.targets.contains(h.start())));
        return stateLevel && localAfter && cooperation;
    }

    /** A press or align decision: enforcement cues carry no negator (a negated one is {@link #negated}). */
    private static Candidate candidate(CueReading reading, ActorMention agent, Side side, double factor,
                                       String rule) {
        return new Candidate(reading.clause(), agent, null, side, reading.hit(), null, reading.weight(), factor,
                rule, List.of());
    }
}
