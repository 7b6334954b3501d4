package org.policyradar.streams.enrich.analysis;

import org.policyradar.streams.enrich.Mentions.ActorMention;
import org.policyradar.streams.enrich.RuleFiles;
import org.policyradar.streams.enrich.Segmenter.Clause;

/**
 * The confidence of a decision, from the weights and factors of the rules' {@code scoring} (cues.json): a cue's
 * own weight or the default one, times a factor for each thing that makes the reading less sure (a background
 * clause, a later sentence, a place standing for its government, an actor of unknown jurisdiction). No weight
 * lives in the code, so a rule editor can tune every one of them.
 */
final class Confidence {

    private final RuleFiles.Scoring scoring;

    Confidence(RuleFiles.Scoring scoring) {
        this.scoring = scoring;
    }

    /** The weight of a stance cue: its own, or the default for a cue (or for a standalone refusal). */
    double weightOf(RuleFiles.CueDef cue, boolean refusal) {
        return cue.weightOr(refusal ? scoring.refusalWeight() : scoring.cueWeight());
    }

    /** The weight of a court's decision, whichever ruling word (or none) names it. */
    double courtWeight() {
        return scoring.courtWeight();
    }

    double clauseFactor(Clause clause) {
        double factor = clause.subordinate() ? scoring.subordinateClause() : 1.0;
        return clause.sentence() == 0 ? factor : factor * scoring.laterSentence();
    }

    double agentFactor(ActorMention agent) {
        double factor = agent.explicit() ? 1.0 : scoring.placeAsActor();
        return agent.agents().stream().allMatch(a -> a.place() == null) && agent.stateOrLocal()
                ? factor * scoring.unknownJurisdiction() : factor;
    }

    double agentAfterCue() {
        return scoring.agentAfterCue();
    }

    double inheritedAgent() {
        return scoring.inheritedAgent();
    }

    double impliedFederalAgent() {
        return scoring.impliedFederalAgent();
    }

    double placeAsActor() {
        return scoring.placeAsActor();
    }

    /** Below this a PRESS, RESIST or ALIGN decision is dropped. */
    double minConfidence() {
        return scoring.minConfidence();
    }
}
