package org.policyradar.streams.enrich.analysis;

import java.util.List;
import org.policyradar.streams.enrich.CueKind;
import org.policyradar.streams.enrich.Mentions.ActorMention;
import org.policyradar.streams.enrich.PhraseIndex.Hit;
import org.policyradar.streams.enrich.RuleFiles;
import org.policyradar.streams.enrich.Segmenter.Clause;

/**
 * One stance cue of a clause as a family of cues gets it: its kind (OBSTRUCT for a standalone refusal), the
 * negations that reach it and the polarity they leave, its weight and factor, the clause's subject and the
 * decisions made before it in the text.
 *
 * @param negations    how many negations reach the cue (a negation of an earlier conjunct not counted)
 * @param firstNegator the first of them, or null
 * @param polarity     +1 or -1: the kind's own (OBSTRUCT is -1), flipped by an odd count of negations
 * @param clauseFactor the confidence factor of the clause ({@link Confidence#clauseFactor})
 * @param rule         the evidence rule: {@code cue:<id>}, with {@code +negations:<n>} when negated
 * @param before       the decisions before this cue: earlier clauses, then this clause's
 */
record CueReading(Clause clause, Hit hit, RuleFiles.CueDef cue, CueKind kind, boolean refusal, int negations,
                  Hit firstNegator, int polarity, double weight, double clauseFactor, ActorMention subject,
                  String rule, List<Candidate> before) {

    boolean negated() {
        return negations % 2 == 1;
    }
}
