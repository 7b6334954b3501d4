package org.policyradar.streams.enrich.analysis;

import java.util.ArrayList;
import java.util.List;
import org.policyradar.avro.PolicyTopic;
import org.policyradar.streams.enrich.CueKind;
import org.policyradar.streams.enrich.Mentions.ActorMention;
import org.policyradar.streams.enrich.Mentions.PlaceMention;
import org.policyradar.streams.enrich.PhraseIndex.Hit;
import org.policyradar.streams.enrich.RuleFiles;
import org.policyradar.streams.enrich.Segmenter.Clause;
import org.policyradar.streams.enrich.analysis.Candidate.Side;

/**
 * The COOPERATE and OBSTRUCT family (and standalone refusals, read as OBSTRUCT): helping or refusing federal
 * enforcement. A state or local actor at the cue aligns (+) or resists (-); a federal actor obstructing
 * something presses; cooperation demanded of someone else is the demander's. The cue must act on enforcement:
 * not on people, an attack on agents, a lawsuit it joins, or a non-actor's relative clause.
 */
final class CooperationCues extends CueFamily {

    CooperationCues(CueTools tools) {
        super(tools);
    }

    @Override
    Candidate decide(CueReading reading) {
        if (!actsOnEnforcement(reading)) {
            return null;
        }
        Clause clause = reading.clause();
        Hit hit = reading.hit();
        int polarity = reading.polarity();
        ActorMention subject = reading.subject();
        // "Homan urged sheriffs to honor detainers": the help is what the demander asks of its object
        Hit demand = constructions.demandBefore(clause, hit);
        if (demand != null) {
            return demanded(reading, demand);
        }
        Side side = polarity > 0 ? Side.ALIGN : Side.RESIST;
        ActorMention local = agents.nearestStateOrLocalBefore(clause, hit.start(),
                subject == null ? clause.start() : subject.start());
        if (local != null) {
            ActorMention agent = subject != null && subject.stateOrLocal() && local != subject
                    && AgentLookup.sameOrNoOwnPlace(subject, local) ? subject : local;
            return candidate(reading, agent, side, reading.clauseFactor() * confidence.agentFactor(agent));
        }
        if (subject != null && subject.federal()) {
            if (reading.kind() == CueKind.OBSTRUCT && polarity > 0) {
                return candidate(reading, subject, Side.PRESS, reading.clauseFactor());
            }
            // "ICE agents won't be allowed inside Chicago schools, the district said"
            // "ICE signed agreements with more than 900 local agencies": a partner of no known place is no speaker
            // "Border Patrol agents cut the state's razor wire, Texas officials said": what the federal side does
            // to a state's border measure is no stance of the speaker's
            ActorMention after = polarity > 0 && reading.cue().topic() == PolicyTopic.BORDER ? null
                    : agents.firstAfter(clause, hit.end(), ActorMention::stateOrLocal);
            if (after != null && after.explicit() && after.agents().stream().allMatch(a -> a.place() != null)) {
                return candidate(reading, after, side, reading.clauseFactor() * confidence.agentAfterCue());
            }
            return null;
        }
        if (subject == null) {
            ActorMention after = agents.firstAfter(clause, hit.end(), ActorMention::stateOrLocal);
            if (after != null) {
                return candidate(reading, after, side, reading.clauseFactor() * confidence.agentAfterCue());
            }
            ActorMention inherited = agents.inherited(clause, false, reading.before());
            if (inherited != null) {
                return candidate(reading, inherited, side, reading.clauseFactor() * confidence.inheritedAgent());
            }
        }
        return null;
    }

    /** The constructions in which the cue helps or refuses something other than immigration enforcement. */
    private boolean actsOnEnforcement(CueReading reading) {
        Clause clause = reading.clause();
        Hit hit = reading.hit();
        RuleFiles.CueDef cue = reading.cue();
        CueKind kind = reading.kind();
        boolean refusal = reading.refusal();
        int polarity = reading.polarity();
        if (cue.needsObject() && !facts.hasObject(clause, hit)) {
            return false;
        }
        // "condemned violence against ICE agents": opposing an attack on agents resists no enforcement
        if (kind == CueKind.OBSTRUCT && !refusal && reading.negations() == 0 && constructions.attackAfter(clause, hit)) {
            return false;
        }
        // "raids were paused after a call with the mayor": a passive halt names no actor unless "by" does
        if (refusal && cue.negatesWithoutJudge() && constructions.isPassive(hit) && !constructions.byAfter(hit)) {
            return false;
        }
        // "help", "allow", "work with", "grant access" cooperate only when a federal agency is what they help or
        // let in
        if (kind == CueKind.COOPERATE && polarity > 0 && cue.alignsWithAgencyOnly() && !agencyAfter(clause, hit)) {
            return false;
        }
        // "joined a lawsuit", "participating in a lawsuit": the lawsuit decides, not the joining
        if (kind == CueKind.COOPERATE && lawsuitRightAfter(clause, hit)) {
            return false;
        }
        if (constructions.inRelativeOfNonActor(clause, reading.subject(), hit)) {
            return false;
        }
        // "protested against the sheriff's partnership with ICE": cooperation named after a word of opposition or
        // background is what the clause is about, not cooperation its subject takes part in
        if (kind == CueKind.COOPERATE && polarity > 0 && facts.isNominal(hit)
                && constructions.objectOfOpposition(hit) >= 0) {
            return false;
        }
        // "will support immigrant families", "help migrants find shelter": helping people, not enforcement
        return !(kind == CueKind.COOPERATE && polarity > 0 && !cue.context()
                && constructions.objectIsPeople(clause, hit));
    }

    private static Candidate candidate(CueReading reading, ActorMention agent, Side side, double factor) {
        return new Candidate(reading.clause(), agent, null, side, reading.hit(), reading.firstNegator(),
                reading.weight(), factor, reading.rule(), List.of());
    }

    /**
     * Cooperation (or its refusal) demanded of someone else is the demander's position: a federal actor asking
     * for it presses the place of the actors it asks; a state or local actor asking for it aligns (or, asking
     * for a refusal, resists); nobody known asking, or a non-government demander, takes no side.
     */
    private Candidate demanded(CueReading reading, Hit demand) {
        Clause clause = reading.clause();
        Hit hit = reading.hit();
        // "the sheriff was ordered by a judge to honor detainers": the demander of a passive follows "by"
        ActorMention demander = constructions.isPassive(demand) && constructions.byAfter(demand)
                ? agents.firstAfter(clause, demand.end(), a -> a.end() <= hit.start())
                : agents.subject(clause, demand.start());
        if (demander == null || demander.foreign() || demander.judicial()) {
            return null;
        }
        String demandedRule = reading.rule() + "+demanded";
        double clauseFactor = confidence.clauseFactor(clause);
        if (demander.federal()) {
            if (reading.polarity() < 0) {
                return null;
            }
            List<PlaceMention> targets = new ArrayList<>();
            for (ActorMention asked : facts.actorsIn(clause)) {
                if (asked.start() >= demand.end() && asked.end() <= hit.start() && asked.stateOrLocal()) {
                    asked.agents().stream().filter(a -> a.place() != null)
                            .forEach(a -> targets.add(new PlaceMention(a.placeStart(), a.placeEnd(), a.place(), false)));
                }
            }
            return new Candidate(clause, demander, null, Side.PRESS, hit, null, reading.weight(), clauseFactor,
                    demandedRule, List.copyOf(targets));
        }
        if (demander.stateOrLocal()) {
            return new Candidate(clause, demander, null, reading.polarity() > 0 ? Side.ALIGN : Side.RESIST, hit,
                    reading.firstNegator(), reading.weight(), clauseFactor * confidence.agentFactor(demander),
                    demandedRule, List.of());
        }
        return null;
    }

    private boolean agencyAfter(Clause clause, Hit hit) {
        ActorMention agency = agents.firstAfter(clause, hit.end(), ActorMention::federal);
        return agency != null && facts.wordsBetween(hit.end(), agency.start()) <= facts.grammar.objectWindowWords();
    }

    private boolean lawsuitRightAfter(Clause clause, Hit hit) {
        return facts.cuesIn(hit.end(), clause.end()).stream()
                .anyMatch(h -> (TextFacts.cue(h).kind() == CueKind.SUE || TextFacts.cue(h).kind() == CueKind.SUE_PASSIVE)
                        && facts.wordsBetween(hit.end(), h.start()) <= 3);
    }
}
