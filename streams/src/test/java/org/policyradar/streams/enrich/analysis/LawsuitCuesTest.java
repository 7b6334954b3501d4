package org.policyradar.streams.enrich.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.policyradar.streams.enrich.analysis.Candidate.Side;

class LawsuitCuesTest {

    private static Candidate decide(AnalysedText text, CueReading reading) {
        return new LawsuitCues(new CueTools(text.facts, text.agents, text.constructions, text.confidence)).decide(reading);
    }

    private static Candidate decidePassive(AnalysedText text, CueReading reading) {
        return new PassiveLawsuitCues(new CueTools(text.facts, text.agents, text.constructions, text.confidence)).decide(reading);
    }

    @Test
    void shouldReadAFederalPlaintiffAsPressure() {
        AnalysedText text = AnalysedText.of("The Justice Department sued New Jersey on Tuesday over its limits on "
                + "police cooperation with immigration agents.");
        Candidate candidate = decide(text, text.reading("sued"));

        assertThat(candidate.side()).isEqualTo(Side.PRESS);
        assertThat(candidate.agent().first().id()).isEqualTo("US-DOJ");
        assertThat(candidate.rule()).isEqualTo("cue:sue");
        assertThat(candidate.confidence()).isEqualTo(0.85);
    }

    @Test
    void shouldTakeNoSideForALawsuitNotFiled() {
        AnalysedText text = AnalysedText.of(
                "The Justice Department did not sue Chicago over its sanctuary ordinance.");

        assertThat(decide(text, text.negated("sue", "did not"))).isNull();
    }

    @Test
    void shouldReadAPassiveLawsuitByTheJusticeDepartmentAsPressureOnTheCity() {
        AnalysedText text = AnalysedText.of("Denver was sued by the Justice Department over its sanctuary ordinance.");
        Candidate candidate = decidePassive(text, text.reading("was sued"));

        assertThat(candidate.side()).isEqualTo(Side.PRESS);
        assertThat(candidate.agent().first().id()).isEqualTo("US-DOJ");
        assertThat(candidate.targets()).extracting(p -> p.place().code()).containsExactly("US-CO-DENVER");
    }

    @Test
    void shouldImplyTheFederalGovernmentWhenAStateIsSuedByNoOneNamed() {
        AnalysedText text = AnalysedText.of("Illinois was sued over its sanctuary law.");
        Candidate candidate = decidePassive(text, text.reading("was sued"));

        assertThat(candidate.side()).isEqualTo(Side.PRESS);
        assertThat(candidate.agent()).isNull();
        assertThat(candidate.implied().id()).isEqualTo("US-GOV");
        assertThat(candidate.rule()).isEqualTo("cue:sue-passive+implied-federal");
        assertThat(candidate.confidence()).isEqualTo(0.8 * 0.75);
    }
}
