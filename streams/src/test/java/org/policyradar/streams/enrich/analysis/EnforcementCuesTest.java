package org.policyradar.streams.enrich.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.policyradar.streams.enrich.analysis.Candidate.Side;

class EnforcementCuesTest {

    private static Candidate decide(AnalysedText text, CueReading reading) {
        return new EnforcementCues(new CueTools(text.facts, text.agents, text.constructions, text.confidence)).decide(reading);
    }

    @Test
    void shouldReadFederalArrestsAsPressure() {
        AnalysedText text = AnalysedText.of(
                "Homeland Security officials said agents will begin targeted immigration arrests in Denver next week.");
        Candidate candidate = decide(text, text.reading("arrests"));

        assertThat(candidate.side()).isEqualTo(Side.PRESS);
        assertThat(candidate.agent().first().id()).isEqualTo("US-DHS");
        assertThat(candidate.negator()).isNull();
        assertThat(candidate.confidence()).isEqualTo(0.7);
    }

    @Test
    void shouldAlignAStateThatWarnsACityToKeepCooperating() {
        AnalysedText text = AnalysedText.of("The Ohio attorney general warned Columbus that ending its cooperation "
                + "agreement with ICE would violate state law.");
        Candidate candidate = decide(text, text.reading("warned"));

        assertThat(candidate.side()).isEqualTo(Side.ALIGN);
        assertThat(candidate.agent().first().id()).isEqualTo("AG-OH");
        assertThat(candidate.rule()).isEqualTo("cue:threat+state-presses-locality");
    }

    @Test
    void shouldReadALocalRefusalToEnforceAsResistance() {
        AnalysedText text = AnalysedText.of(
                "The Boston police commissioner said officers will not enforce federal immigration law.");
        Candidate candidate = decide(text, text.negated("enforce", "will not"));

        assertThat(candidate.side()).isEqualTo(Side.RESIST);
        assertThat(candidate.agent().first().id()).isEqualTo("POLICE-US-MA-BOSTON");
        assertThat(candidate.negator()).isEqualTo(text.cue("will not"));
    }

    @Test
    void shouldTakeNoSideForRaidsReportedAsCalledOff() {
        AnalysedText text = AnalysedText.of("Raids in Chicago were called off after a call with the mayor.");

        assertThat(decide(text, text.reading("Raids"))).isNull();
    }
}
