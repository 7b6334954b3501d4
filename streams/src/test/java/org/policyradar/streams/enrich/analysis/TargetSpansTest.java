package org.policyradar.streams.enrich.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetSpansTest {

    private static final String TEXT = "Border czar: agents will arrest local officials who hide immigrants from ICE";

    @Test
    void shouldReachFromATargetEndingInWhoToTheEndOfItsClause() {
        TargetSpans targets = AnalysedText.of(TEXT).facts.targets;

        Span span = targets.firstIn(0, TEXT.length());

        assertThat(span.start()).isEqualTo(TEXT.indexOf("local officials"));
        assertThat(targets.contains(TEXT.indexOf("hide"))).isTrue();
        assertThat(targets.contains(TEXT.indexOf("agents"))).isFalse();
    }

    @Test
    void shouldNeverMakeAnActorInsideATargetAnAgent() {
        AnalysedText text = AnalysedText.of(TEXT);

        assertThat(text.facts.actors).filteredOn(a -> a.start() >= TEXT.indexOf("local officials"))
                .isNotEmpty().allMatch(a -> a.inTarget());
        assertThat(text.agents.firstAfter(text.clauseOf(text.cue("arrest")), TEXT.indexOf("local officials"),
                a -> true)).isNull();
    }
}
