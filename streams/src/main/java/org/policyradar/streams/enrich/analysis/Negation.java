package org.policyradar.streams.enrich.analysis;

import org.policyradar.streams.enrich.CueKind;
import org.policyradar.streams.enrich.PhraseIndex.Hit;
import org.policyradar.streams.enrich.RuleFiles;

/**
 * Which cues of one text negate and which cue a negation reaches: within the rules' negation window, on the
 * same side of a target phrase, with no scope breaker and no cue of the opposite kind in between.
 */
final class Negation {

    private final TextFacts facts;

    Negation(TextFacts facts) {
        this.facts = facts;
    }

    /** The negator is close enough before the cue, with nothing that ends its scope in between. */
    boolean negates(Hit negator, Hit cue) {
        TargetSpans targets = facts.targets;
        if (negator.end() > cue.start() || negator == cue
                || targets.contains(negator.start()) != targets.contains(cue.start())) {
            return false;
        }
        if (facts.wordsBetween(negator.end(), cue.start()) > facts.grammar.negationWindowWords()) {
            return false;
        }
        CueKind kind = TextFacts.cue(cue).kind();
        // "won't comply with an order to dismantle sanctuary protections": refusing to comply is the predicate,
        // the protection is what the order demands
        if (kind == CueKind.OBSTRUCT && TextFacts.cue(negator).kind() == CueKind.REFUSAL
                && facts.folded.substring(negator.start(), negator.end()).contains("comply")) {
            return false;
        }
        // the negation is the head predicate's: a stance cue of the other kind in its complement keeps its own
        // polarity
        for (Hit other : facts.cues) {
            if (other.start() >= negator.end() && other.end() <= cue.start()
                    && opposite(TextFacts.cue(other).kind(), kind)) {
                return false;
            }
        }
        String between = facts.wordsOnly(negator.end(), cue.start());
        for (String breaker : facts.grammar.negationBreakers()) {
            if (between.contains(" " + breaker + " ")) {
                return false;
            }
        }
        return true;
    }

    static boolean opposite(CueKind a, CueKind b) {
        return (a == CueKind.COOPERATE && b == CueKind.OBSTRUCT) || (a == CueKind.OBSTRUCT && b == CueKind.COOPERATE);
    }

    /** A negator, a refusal, or a ruling word ("blocked") read as a negation where no court is in the clause. */
    boolean isNegator(Hit hit, boolean judgeInClause) {
        RuleFiles.CueDef cue = TextFacts.cue(hit);
        return cue.kind() == CueKind.NEGATOR || cue.kind() == CueKind.REFUSAL
                || (cue.negatesWithoutJudge() && !judgeInClause);
    }

    /** A protective cue ("sanctuary law"), which an opposing cue negates instead of resisting. */
    boolean isProtection(Hit hit) {
        return TextFacts.cue(hit).kind() == CueKind.OBSTRUCT && !TextFacts.cue(hit).opposesProtections();
    }
}
