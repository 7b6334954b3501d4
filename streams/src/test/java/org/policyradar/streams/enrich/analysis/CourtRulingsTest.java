package org.policyradar.streams.enrich.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.policyradar.streams.enrich.analysis.Candidate.Side;

class CourtRulingsTest {

    @Test
    void shouldMakeAClauseWithAJudgeAndARulingWordJudicial() {
        AnalysedText text = AnalysedText.of(
                "A federal judge blocked the administration from cutting grants to sanctuary cities.");
        Candidate candidate = new CourtRulings(text.facts, text.confidence).decide(text.clauseOf(text.cue("blocked")));

        assertThat(candidate.side()).isEqualTo(Side.JUDICIAL);
        assertThat(candidate.agent().first().id()).isEqualTo("COURT-US");
        assertThat(candidate.rule()).isEqualTo("cue:ruling-block");
        assertThat(candidate.weight()).isEqualTo(AnalysedText.RULES.scoring().courtWeight());
    }

    @Test
    void shouldMakeACourtAsSubjectJudicialWithoutARulingWord() {
        AnalysedText text = AnalysedText.of("A federal judge said the city may keep its sanctuary ordinance.");
        Candidate candidate = new CourtRulings(text.facts, text.confidence)
                .decide(text.clauseOf(text.cue("sanctuary ordinance")));

        assertThat(candidate.side()).isEqualTo(Side.JUDICIAL);
        assertThat(candidate.rule()).isEqualTo("court-as-subject");
        assertThat(candidate.cue().start()).isEqualTo("A ".length());
    }

    @Test
    void shouldLeaveAClauseWithoutACourtToTheCueFamilies() {
        AnalysedText text = AnalysedText.of("Denver was sued by the Justice Department over its sanctuary ordinance.");

        assertThat(new CourtRulings(text.facts, text.confidence).decide(text.clauseOf(text.cue("was sued"))))
                .isNull();
    }
}
