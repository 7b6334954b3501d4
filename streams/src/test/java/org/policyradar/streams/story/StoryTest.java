package org.policyradar.streams.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.policyradar.avro.PolicyPosition;
import org.policyradar.streams.enrich.Enricher;
import org.policyradar.streams.enrich.RuleSet;

class StoryTest {

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

        assertThat(StoryIds.of(first, "a")).isEqualTo(StoryIds.of(second, "b"));
    }

    @Test
    void shouldSeparateOtherActors() {
        List<PolicyPosition> denver = enricher.positionsOf(null,
                "Denver Mayor Mike Johnston said the city will not honor ICE detainers without a judicial warrant.");
        List<PolicyPosition> chicago = enricher.positionsOf(null,
                "Chicago Mayor Brandon Johnson said the city will not honor ICE detainers without a judicial warrant.");

        assertThat(StoryIds.of(denver, "a")).isNotEqualTo(StoryIds.of(chicago, "b"));
    }

    @Test
    void shouldGiveAnItemWithoutAPositionAStoryOfItsOwn() {
        assertThat(StoryIds.of(List.of(), "a"))
                .startsWith("story-")
                .isEqualTo(StoryIds.of(List.of(), "a"))
                .isNotEqualTo(StoryIds.of(List.of(), "b"));
    }
}
