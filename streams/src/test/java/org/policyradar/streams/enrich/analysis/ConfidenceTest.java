package org.policyradar.streams.enrich.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.policyradar.streams.enrich.RuleFiles;

class ConfidenceTest {

    private static final RuleFiles.Scoring SCORING = AnalysedText.RULES.scoring();

    @Test
    void shouldPreferACuesOwnWeightToTheDefault() {
        AnalysedText text = AnalysedText.of("The Marion County sheriff in Indiana said the jail will keep honoring "
                + "ICE detainers.");
        RuleFiles.CueDef honoring = TextFacts.cue(text.cue("honoring ICE detainers"));

        assertThat(honoring.weight()).isNotNull();
        assertThat(text.confidence.weightOf(honoring, false)).isEqualTo(honoring.weight());
    }

    @Test
    void shouldWeighALaterSentenceByTheFactorOfTheRules() {
        AnalysedText text = AnalysedText.of("ICE agents made arrests in Denver on Monday. "
                + "The mayor said the city will not help ICE.");

        assertThat(text.confidence.clauseFactor(text.clauseOf(text.cue("arrests")))).isEqualTo(1.0);
        assertThat(text.confidence.clauseFactor(text.clauseOf(text.cue("help"))))
                .isEqualTo(SCORING.laterSentence());
    }

    @Test
    void shouldWeighAPlaceStandingForItsGovernmentLessThanANamedActor() {
        AnalysedText text = AnalysedText.of("Denver refused to help ICE, and the Denver mayor said so.");

        assertThat(text.facts.actors).isNotEmpty();
        assertThat(text.facts.actors.stream().filter(a -> !a.explicit()).map(text.confidence::agentFactor))
                .containsOnly(SCORING.placeAsActor());
        assertThat(text.facts.actors.stream().filter(a -> a.explicit()).map(text.confidence::agentFactor))
                .containsOnly(1.0);
    }
}
