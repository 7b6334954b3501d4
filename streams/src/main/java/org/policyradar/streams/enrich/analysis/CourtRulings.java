package org.policyradar.streams.enrich.analysis;

import java.util.List;
import org.policyradar.streams.enrich.CueKind;
import org.policyradar.streams.enrich.Mentions.ActorMention;
import org.policyradar.streams.enrich.PhraseIndex;
import org.policyradar.streams.enrich.PhraseIndex.Hit;
import org.policyradar.streams.enrich.Segmenter.Clause;
import org.policyradar.streams.enrich.analysis.Candidate.Side;

/**
 * The RULING family: a court in a clause with a ruling word ("a judge blocked the order"), or a court as the
 * clause's subject, makes the clause a judicial decision — its other cues are the court's reading, not a stance.
 */
final class CourtRulings {

    private final TextFacts facts;
    private final Confidence confidence;

    CourtRulings(TextFacts facts, Confidence confidence) {
        this.facts = facts;
        this.confidence = confidence;
    }

    /** The court's decision in the clause, or null when no court decides there. */
    Candidate decide(Clause clause) {
        List<ActorMention> inClause = facts.actorsIn(clause);
        ActorMention judge = inClause.stream().filter(ActorMention::judicial).findFirst().orElse(null);
        if (judge == null) {
            return null;
        }
        Hit ruling = facts.cuesIn(clause.start(), clause.end()).stream()
                .filter(h -> TextFacts.cue(h).kind() == CueKind.RULING).findFirst().orElse(null);
        boolean judgeIsSubject = inClause.get(0) == judge;
        if (ruling == null && !judgeIsSubject) {
            return null;
        }
        // with no ruling word the court's own name is the phrase the decision rests on
        Hit cue = ruling != null ? ruling : new Hit(judge.start(), judge.end(),
                new PhraseIndex.Entry(PhraseIndex.Category.ACTOR, judge,
                        facts.text.substring(judge.start(), judge.end()), false));
        return new Candidate(clause, judge, null, Side.JUDICIAL, cue, null, confidence.courtWeight(),
                confidence.clauseFactor(clause),
                ruling != null ? "cue:" + TextFacts.cue(ruling).id() : "court-as-subject", List.of());
    }
}
