package org.policyradar.streams.enrich.analysis;

import java.util.List;
import org.policyradar.avro.Instrument;
import org.policyradar.avro.PolicyTopic;
import org.policyradar.streams.enrich.CueKind;
import org.policyradar.streams.enrich.Mentions.ActorMention;
import org.policyradar.streams.enrich.PhraseIndex.Hit;
import org.policyradar.streams.enrich.RuleFiles;
import org.policyradar.streams.enrich.Segmenter.Clause;
import org.policyradar.streams.enrich.Segmenter.Sentence;
import org.policyradar.streams.enrich.analysis.Candidate.Side;

/**
 * Whether a federal action is aimed at states or cities (issue point 4). Enforcement words by themselves
 * ("mass deportation", "arrests", "a surge") describe a federal policy goal or a statistic; they press a state or
 * a city only when the clause aims them at one: a named state, county or city, a state or local actor, generic
 * state and local officials, sanctuary jurisdictions, a demand for cooperation, an instrument (directive,
 * order, memo, guidance, lawsuit), or a policy area of its own that states answer (sensitive places, the border,
 * troops, birthright citizenship). Rescinding a protection (a negated protective cue) is a policy change and needs no further aim.
 * Cues marked {@code needsAim} in cues.json are read through this rule; a federal position from such a cue
 * without an aim is NEUTRAL.
 */
final class FederalAim {

    private final TextFacts facts;

    FederalAim(TextFacts facts) {
        this.facts = facts;
    }

    /** The candidate itself, or its NEUTRAL reading when it is a federal action aimed at no state or city. */
    Candidate apply(Candidate candidate) {
        if (candidate.side() != Side.PRESS || !TextFacts.cue(candidate.cue()).needsAim()
                || rescinds(candidate) || !candidate.targets().isEmpty() || aimed(candidate)) {
            return candidate;
        }
        return new Candidate(candidate.clause(), candidate.agent(), candidate.implied(), Side.NEUTRAL,
                candidate.cue(), null, candidate.weight(), candidate.factor(), candidate.rule() + "+unaimed",
                List.of());
    }

    private boolean aimed(Candidate candidate) {
        Clause clause = candidate.clause();
        Sentence sentence = facts.sentences.get(clause.sentence());
        if (facts.targets.firstIn(sentence.start(), sentence.end()) != null) {
            return true;
        }
        boolean place = facts.places.stream()
                .anyMatch(p -> p.domestic() && p.start() >= clause.start() && p.start() < clause.end());
        if (place) {
            return true;
        }
        boolean local = facts.actorsIn(clause).stream()
                .anyMatch(a -> a != candidate.agent() && a.stateOrLocal() && !isPartOf(a, candidate.agent()));
        if (local) {
            return true;
        }
        for (Hit hit : facts.cuesIn(clause.start(), clause.end())) {
            RuleFiles.CueDef cue = TextFacts.cue(hit);
            if (cue.kind() == CueKind.COOPERATE || cue.kind() == CueKind.SUE || cue.kind() == CueKind.SUE_PASSIVE
                    || (cue.kind() == CueKind.OBSTRUCT && cue.context()) || isAimedInstrument(cue.instrument())
                    || (cue.kind() == CueKind.NONE && isPolicyArea(cue.topic()))) {
                return true;
            }
        }
        return false;
    }

    /** "revoked the policy that barred arrests at schools": an enforcement cue reached by negations. */
    private static boolean rescinds(Candidate candidate) {
        return candidate.negator() != null || candidate.rule().contains("+negations:");
    }

    /** Sensitive places, the border, troops, birthright: a policy of its own, which states answer. */
    private static boolean isPolicyArea(PolicyTopic topic) {
        return topic == PolicyTopic.SENSITIVE_LOCATIONS || topic == PolicyTopic.BORDER
                || topic == PolicyTopic.MILITARY_DEPLOYMENT || topic == PolicyTopic.BIRTHRIGHT_CITIZENSHIP;
    }

    private static boolean isPartOf(ActorMention actor, ActorMention agent) {
        return agent != null && actor.start() >= agent.start() && actor.end() <= agent.end();
    }

    private static boolean isAimedInstrument(Instrument instrument) {
        return instrument == Instrument.DIRECTIVE || instrument == Instrument.EXECUTIVE_ORDER
                || instrument == Instrument.MEMO || instrument == Instrument.GUIDANCE
                || instrument == Instrument.LAWSUIT;
    }
}
