package org.policyradar.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policyradar.avro.EnrichedNewsItem;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.avro.PolicyTopic;
import org.policyradar.avro.StoryState;
import org.policyradar.streams.conflict.ConflictRules;
import org.policyradar.streams.conflict.StoryConflicts;
import org.policyradar.streams.enrich.Enricher;
import org.policyradar.streams.enrich.RuleSet;
import org.policyradar.streams.story.StoryFold;
import org.policyradar.streams.story.StoryIds;

/** What {@code run} prints for a conflict between two stories, built by the production story fold and rules. */
class ConflictFormatTest {

    private static final Instant T0 = Instant.parse("2025-05-05T08:00:00Z");
    private static final String DOJ = "The Justice Department ordered federal prosecutors to investigate state and "
            + "local officials who obstruct immigration enforcement.";
    private static final String NYPD = "An NYPD memo tells officers not to assist federal immigration agents.";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Enricher enricher;
    private static StoryConflicts conflicts;

    @BeforeAll
    static void loadRules() {
        RuleSet rules = RuleSet.loadDefault();
        enricher = new Enricher(rules);
        conflicts = new StoryConflicts(new ConflictRules(rules), Duration.ofDays(365));
    }

    @Test
    void shouldPrintOneJsonLineWithBothSidesTheirCountsAndTheirArticles() throws Exception {
        PolicyConflict conflict = conflictOf(story(1, "doj-", DOJ), story(3, "nypd-", NYPD));

        String line = ConflictFormat.json(conflict);
        JsonNode json = JSON.readTree(line);

        assertThat(line).doesNotContain("\n");
        assertThat(json.path("conflictId").asText()).isEqualTo(conflict.getConflictId());
        assertThat(json.path("pressing").path("itemId").asText()).isEqualTo("doj-0");
        assertThat(json.path("resisting").path("actor").asText()).isEqualTo("NYPD");
        assertThat(json.path("pressingArticleCount").asInt()).isEqualTo(1);
        assertThat(json.path("resistingArticleCount").asInt()).isEqualTo(2);
        assertThat(json.path("resistingArticles")).hasSize(3);
        assertThat(json.path("resistingArticles").get(0).path("itemId").asText()).isEqualTo("nypd-0");
        assertThat(json.path("resistingArticles").get(0).path("headline").asText()).startsWith("An NYPD memo");
    }

    @Test
    void shouldPrintAChangeAsOneReadableLineWithBothCounts() {
        PolicyConflict conflict = conflictOf(story(1, "doj-", DOJ), story(5, "nypd-", NYPD));

        assertThat(ConflictFormat.text(conflict, true))
                .startsWith("NEW     " + conflict.getConflictId())
                .contains("(1 article) vs ")
                .contains("(\u22654 articles) in New York");
        assertThat(ConflictFormat.text(conflict, false)).startsWith("UPDATE  ");
    }

    private static PolicyConflict conflictOf(StoryState pressing, StoryState resisting) {
        return conflicts.between(PolicyTopic.COOPERATION, StoryFold.coarse(pressing), StoryFold.coarse(resisting))
                .orElseThrow(() -> new AssertionError("the two stories should conflict"));
    }

    /** A story of {@code reports} reports of one text, an hour apart. */
    private static StoryState story(int reports, String idPrefix, String text) {
        StoryState state = null;
        for (int i = 0; i < reports; i++) {
            var positions = enricher.positionsOf(null, text);
            EnrichedNewsItem item = EnrichedNewsItem.newBuilder()
                    .setItemId(idPrefix + i)
                    .setStoryId(StoryIds.of(positions, idPrefix + i))
                    .setSource("test-wire")
                    .setText(Enricher.analysedText(null, text))
                    .setPublishedAt(T0.plus(Duration.ofHours(i)))
                    .setPositions(positions)
                    .setRuleVersion("test")
                    .build();
            state = StoryFold.add(state, StoryFold.slim(item));
        }
        return state;
    }
}
