package org.policyradar.streams.enrich.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.policyradar.streams.enrich.analysis.Candidate.Side;

class CooperationCuesTest {

    private static Candidate decide(AnalysedText text, CueReading reading) {
        return new CooperationCues(new CueTools(text.facts, text.agents, text.constructions, text.confidence)).decide(reading);
    }

    @Test
    void shouldAlignACountyThatKeepsHonouringDetainers() {
        AnalysedText text = AnalysedText.of(
                "The Waukesha County executive in Wisconsin said the county jail will keep honoring ICE detainers.");
        Candidate candidate = decide(text, text.reading("honoring ICE detainers"));

        assertThat(candidate.side()).isEqualTo(Side.ALIGN);
        assertThat(candidate.agent().first().id()).isEqualTo("COUNTY-US-WI-WAUKESHA_COUNTY");
        assertThat(candidate.rule()).isEqualTo("cue:coop-detainer-explicit");
        assertThat(candidate.confidence()).isEqualTo(0.85);
    }

    @Test
    void shouldReadANegatedHandOverAsTheMayorsResistance() {
        AnalysedText text = AnalysedText.of(
                "The mayor of Denver said the city will not hand over jail records to immigration agents.");
        Candidate candidate = decide(text, text.negated("hand over", "will not"));

        assertThat(candidate.side()).isEqualTo(Side.RESIST);
        assertThat(candidate.agent().first().id()).isEqualTo("MAYOR-US-CO-DENVER");
        assertThat(candidate.negator()).isEqualTo(text.cue("will not"));
        assertThat(candidate.rule()).isEqualTo("cue:coop-detainer+negations:1");
    }

    @Test
    void shouldGiveDemandedCooperationToTheFederalDemander() {
        AnalysedText text = AnalysedText.of("The border czar urged sheriffs in Texas to honor ICE detainers.");
        Candidate candidate = decide(text, text.reading("honor ICE detainers"));

        assertThat(candidate.side()).isEqualTo(Side.PRESS);
        assertThat(candidate.agent().first().id()).isEqualTo("US-WH-BORDER_CZAR");
        assertThat(candidate.rule()).endsWith("+demanded");
        assertThat(candidate.targets()).extracting(p -> p.place().code()).containsExactly("TX");
    }

    @Test
    void shouldTakeNoSideWhenTheHelpGoesToPeople() {
        AnalysedText text = AnalysedText.of("The Austin mayor said the city will support immigrant families.");

        assertThat(decide(text, text.reading("support"))).isNull();
    }

    @Test
    void shouldTakeNoSideWhenWhatIsCondemnedIsAnAttackOnAgents() {
        AnalysedText text = AnalysedText.of("The Seattle mayor condemned violence against ICE agents.");

        assertThat(decide(text, text.reading("condemned"))).isNull();
    }
}
