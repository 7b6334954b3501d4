package org.policyradar.streams.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.policyradar.avro.PolicyPosition;
import org.policyradar.streams.enrich.Enricher;
import org.policyradar.streams.enrich.RuleSet;

class StoryTest {

    private static final Instant T = Instant.parse("2026-01-27T10:00:00Z");
    private final Enricher enricher = new Enricher(RuleSet.loadDefault());

    @Test
    void shouldFingerprintNearDuplicatesCloseAndOtherTextsFar() {
        String a = "Chicago Mayor Brandon Johnson signed an executive order barring city police from assisting federal immigration agents.";
        String b = "Chicago Mayor Brandon Johnson signed an executive order that bars city police from assisting federal immigration agents.";
        String c = "The Pentagon said it will send 1,500 more troops to the southern border to support Border Patrol agents.";
        assertThat(TextFingerprint.simHash(a)).isEqualTo(TextFingerprint.simHash(a));
        assertThat(TextFingerprint.hammingDistance(TextFingerprint.simHash(a), TextFingerprint.simHash(b)))
                .isLessThanOrEqualTo(16).isLessThanOrEqualTo(StoryClusterer.DEFAULT_MAX_HAMMING_DISTANCE);
        assertThat(TextFingerprint.hammingDistance(TextFingerprint.simHash(a), TextFingerprint.simHash(c)))
                .isGreaterThan(StoryClusterer.DEFAULT_MAX_HAMMING_DISTANCE);
        assertThat(TextFingerprint.simHash("")).isZero();
    }

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
    void shouldJoinANearDuplicateOfTheSameSignatureWithinTheWindowOnly() {
        StoryClusterer clusterer = new StoryClusterer();
        StoryClusterer.Member member = new StoryClusterer.Member("story-1", "a", "SIG", 0L, T);
        assertThat(clusterer.joins(new StoryClusterer.Article("b", "SIG", 0b111L, T.plusSeconds(3600)), member)).isTrue();
        assertThat(clusterer.joins(new StoryClusterer.Article("b", "OTHER", 0b111L, T), member)).isFalse();
        assertThat(clusterer.joins(new StoryClusterer.Article("b", null, 0L, T), member)).isFalse();
        assertThat(clusterer.joins(new StoryClusterer.Article("b", "SIG", -1L, T), member)).isFalse();
        assertThat(clusterer.joins(new StoryClusterer.Article("b", "SIG", 0L, T.plusSeconds(4 * 86_400)), member)).isFalse();
    }

    @Test
    void shouldChooseTheEarliestStoryWhateverTheOrderOfCandidates() {
        StoryClusterer clusterer = new StoryClusterer();
        StoryClusterer.Member early = new StoryClusterer.Member("story-early", "a", "SIG", 0L, T);
        StoryClusterer.Member late = new StoryClusterer.Member("story-late", "b", "SIG", 0L, T.plusSeconds(60));
        StoryClusterer.Article article = new StoryClusterer.Article("c", "SIG", 1L, T.plusSeconds(120));
        assertThat(clusterer.storyFor(article, List.of(late, early))).contains("story-early");
        assertThat(clusterer.storyFor(article, List.of(early, late))).contains("story-early");
        assertThat(clusterer.storyFor(new StoryClusterer.Article("b", "SIG", 99L, T), List.of(early, late)))
                .contains("story-late");
        assertThat(StoryClusterer.storyIdFoundedBy("c")).isEqualTo(StoryClusterer.storyIdFoundedBy("c")).startsWith("story-");
    }
}
