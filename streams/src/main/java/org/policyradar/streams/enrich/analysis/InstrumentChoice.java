package org.policyradar.streams.enrich.analysis;

import org.policyradar.avro.Evidence;
import org.policyradar.avro.EvidenceField;
import org.policyradar.avro.GovernmentLevel;
import org.policyradar.avro.Instrument;
import org.policyradar.streams.enrich.PhraseIndex.Hit;
import org.policyradar.streams.enrich.RuleFiles;
import org.policyradar.streams.enrich.Segmenter.Clause;
import org.policyradar.streams.enrich.Segmenter.Sentence;
import org.policyradar.streams.enrich.analysis.Candidate.Side;

/**
 * The instrument of a decision (order, memo, lawsuit, statement...): the instrument cue nearest its actor (or
 * cue) in its clause, else in its sentence; a statement only when nothing else is named.
 */
final class InstrumentChoice {

    /** An instrument with the cue phrase that names it; {@code evidence} is null for UNKNOWN. */
    record Chosen(Instrument instrument, Evidence evidence) {
        static final Chosen NONE = new Chosen(Instrument.UNKNOWN, null);
    }

    private final TextFacts facts;

    InstrumentChoice(TextFacts facts) {
        this.facts = facts;
    }

    /** The instrument an agent of the given level uses in the decision, or {@link Chosen#NONE}. */
    Chosen of(Candidate candidate, GovernmentLevel level) {
        Clause clause = candidate.clause();
        Chosen inClause = in(candidate, level, clause.start(), clause.end());
        if (inClause != Chosen.NONE) {
            return inClause;
        }
        Sentence sentence = facts.sentences.get(clause.sentence());
        return in(candidate, level, sentence.start(), sentence.end());
    }

    private Chosen in(Candidate candidate, GovernmentLevel level, int from, int to) {
        int anchor = candidate.agent() != null && candidate.agent().start() >= from && candidate.agent().start() < to
                ? candidate.agent().start() : candidate.cue().start();
        Hit best = null;
        int bestRank = Integer.MAX_VALUE;
        for (Hit hit : facts.cuesIn(from, to)) {
            RuleFiles.CueDef cue = TextFacts.cue(hit);
            Instrument instrument = cue.instrument();
            if (instrument == null || facts.targets.contains(hit.start())
                    || (!cue.levels().isEmpty() && !cue.levels().contains(level))
                    || (instrument == Instrument.RULING && candidate.side() != Side.JUDICIAL)
                    || (instrument == Instrument.LAWSUIT && hit != candidate.cue())) {
                continue;
            }
            // a statement is the weakest instrument: any other named in the span wins, however far
            int distance = Math.abs(hit.start() - anchor);
            int rank = (instrument == Instrument.STATEMENT ? 1_000_000 : 0) + distance;
            if (rank < bestRank) {
                best = hit;
                bestRank = rank;
            }
        }
        if (best == null) {
            return Chosen.NONE;
        }
        Instrument instrument = TextFacts.cue(best).instrument();
        return new Chosen(instrument, facts.evidence(EvidenceField.INSTRUMENT, best.start(), best.end(),
                "cue:" + TextFacts.cue(best).id() + ":" + instrument));
    }
}
