package org.policyradar.streams.enrich.analysis;

import java.util.List;
import org.policyradar.streams.enrich.ActorResolver;
import org.policyradar.streams.enrich.CueKind;
import org.policyradar.streams.enrich.PhraseIndex.Hit;
import org.policyradar.streams.enrich.RuleFiles;
import org.policyradar.streams.enrich.RuleSet;
import org.policyradar.streams.enrich.Segmenter;
import org.policyradar.streams.enrich.Segmenter.Clause;

/**
 * One sentence of our own read by the shipped immigration rules, with the parts a cue family needs, so that a
 * test can hand one cue to one family without the rest of the analysis.
 */
final class AnalysedText {

    static final RuleSet RULES = RuleSet.loadDefault(List.of("IMMIGRATION"));
    private static final Segmenter SEGMENTER = new Segmenter(RULES);
    private static final ActorResolver RESOLVER = new ActorResolver(RULES);

    final TextFacts facts;
    final AgentLookup agents;
    final Negation negation;
    final Constructions constructions;
    final Confidence confidence;

    private AnalysedText(String text) {
        this.facts = new TextFacts(RULES, SEGMENTER, RESOLVER, text);
        this.agents = new AgentLookup(facts);
        this.negation = new Negation(facts);
        this.constructions = new Constructions(facts, negation);
        this.confidence = new Confidence(facts.scoring);
    }

    static AnalysedText of(String text) {
        return new AnalysedText(text);
    }

    /** The cue hit whose phrase is exactly this text. */
    Hit cue(String phrase) {
        return facts.cues.stream().filter(h -> facts.text.substring(h.start(), h.end()).equals(phrase)).findFirst()
                .orElseThrow(() -> new AssertionError("no cue '" + phrase + "' in: " + facts.text));
    }

    Clause clauseOf(Hit hit) {
        return facts.sentences.stream().flatMap(s -> s.clauses().stream()).filter(c -> c.contains(hit.start()))
                .findFirst().orElseThrow();
    }

    /** The cue as its family gets it when no negation reaches it and nothing was decided before it. */
    CueReading reading(String phrase) {
        return reading(phrase, null);
    }

    /** The cue as its family gets it when one negation (this phrase) reaches it. */
    CueReading negated(String phrase, String negatorPhrase) {
        return reading(phrase, cue(negatorPhrase));
    }

    private CueReading reading(String phrase, Hit negator) {
        Hit hit = cue(phrase);
        RuleFiles.CueDef cue = TextFacts.cue(hit);
        Clause clause = clauseOf(hit);
        int negations = negator == null ? 0 : 1;
        int polarity = (cue.kind() == CueKind.OBSTRUCT ? -1 : 1) * (negations == 1 ? -1 : 1);
        String rule = "cue:" + cue.id() + (negations > 0 ? "+negations:1" : "");
        return new CueReading(clause, hit, cue, cue.kind(), false, negations, negator, polarity,
                confidence.weightOf(cue, false), confidence.clauseFactor(clause), agents.subject(clause, hit.start()),
                rule, List.of());
    }
}
