package org.policyradar.streams.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.policyradar.avro.PolicyPosition;
import org.policyradar.streams.enrich.Enricher;
import org.policyradar.streams.enrich.RuleSet;

class StoryTest {

    private static final Instant T = Instant.parse("2026-01-27T10:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(3);
    private final Enricher enricher = new Enricher(RuleSet.loadDefault());

    @Test
    void shouldGiveTheSameSignatureToOneStoryToldByTwoOutlets() {
        List<PolicyPosition> first = enricher.positionsOf(null,
                "Denver Mayor Mike Johnston said the city will not honor ICE detainers without a judicial warrant.");
        List<PolicyPosition> second = enricher.positionsOf(null,
                "Denver will not honor detainers from ICE unless a judge signs a warrant, Mayor Mike Johnston said.");
        assertThat(StorySignature.of(first)).isPresent().isEqualTo(StorySignature.of(second));
    }

    @Test
    void shouldHaveNoSignatureWithoutAStance() {
        assertThat(StorySignature.of(List.of())).isEmpty();
        assertThat(StorySignature.of(enricher.positionsOf(null, "ICE arrests rose 40 percent, according to data.")))
                .isEmpty();
    }

    @Test
    void shouldGiveTwoOutletsOfOneStoryTheSameStoryId() {
        List<PolicyPosition> first = enricher.positionsOf(null,
                "Denver Mayor Mike Johnston said the city will not honor ICE detainers without a judicial warrant.");
        List<PolicyPosition> second = enricher.positionsOf(null,
                "Denver will not honor detainers from ICE unless a judge signs a warrant, Mayor Mike Johnston said.");

        assertThat(StoryIds.of(first, "a", T, WINDOW)).isEqualTo(StoryIds.of(second, "b", T.plusSeconds(7200), WINDOW));
    }

    @Test
    void shouldSeparateTheSameSignatureInAnotherWindow() {
        List<PolicyPosition> positions = enricher.positionsOf(null,
                "Denver Mayor Mike Johnston said the city will not honor ICE detainers without a judicial warrant.");

        assertThat(StoryIds.of(positions, "a", T, WINDOW))
                .isNotEqualTo(StoryIds.of(positions, "b", T.plus(WINDOW), WINDOW));
    }

    @Test
    void shouldSeparateOtherActorsInTheSameWindow() {
        List<PolicyPosition> denver = enricher.positionsOf(null,
                "Denver Mayor Mike Johnston said the city will not honor ICE detainers without a judicial warrant.");
        List<PolicyPosition> chicago = enricher.positionsOf(null,
                "Chicago Mayor Brandon Johnson said the city will not honor ICE detainers without a judicial warrant.");

        assertThat(StoryIds.of(denver, "a", T, WINDOW)).isNotEqualTo(StoryIds.of(chicago, "b", T, WINDOW));
    }

    @Test
    void shouldGiveAnItemWithoutAPositionAStoryOfItsOwn() {
        assertThat(StoryIds.of(List.of(), "a", T, WINDOW))
                .startsWith("story-")
                .isEqualTo(StoryIds.of(List.of(), "a", T.plusSeconds(99_999), WINDOW))
                .isNotEqualTo(StoryIds.of(List.of(), "b", T, WINDOW));
    }
}
