package org.policyradar.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExplainFormatterTest {

    @Test
    void shouldExplainEachDecisionWithItsEvidence() {
        RuleSet rules = RuleSet.loadDefault();
        String text = "An internal NYPD memo reminds officers not to assist federal immigration enforcement.";
        String out = new ExplainFormatter().format(text, new Enricher(rules).positionsOf(null, text), rules.version());
        assertThat(out).contains("actor:", "NYPD", "level:", "LOCAL", "jurisdiction:", "New York City, NY",
                "topic:", "COOPERATION", "stance:", "RESIST", "instrument:", "MEMO",
                "\"NYPD\" at 12-16", "\"memo\" at 17-21", "\"not to assist\" at", rules.version());
    }

    @Test
    void shouldSayWhenThereIsNoPosition() {
        assertThat(new ExplainFormatter().format("Nothing here.", java.util.List.of(), "v1"))
                .contains("no policy positions");
    }
}
