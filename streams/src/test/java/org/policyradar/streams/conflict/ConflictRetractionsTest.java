package org.policyradar.streams.conflict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyradar.streams.topology.StoryRecords.RULE_VERSION;
import static org.policyradar.streams.topology.StoryRecords.T0;
import static org.policyradar.streams.topology.StoryRecords.aPressingStory;
import static org.policyradar.streams.topology.StoryRecords.aResistingStory;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.policyradar.avro.AlertKind;
import org.policyradar.avro.ConflictAlert;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.avro.PolicyTopic;

/** What a replay retracts, and what its alerts say. */
class ConflictRetractionsTest {

    private final StoryConflicts storyConflicts = new StoryConflicts(new ConflictRules(RULE_VERSION),
            Duration.ofDays(30));

    private PolicyConflict aConflict(String pressingStory, String resistingStory, Instant time) {
        return storyConflicts.between(PolicyTopic.COOPERATION, aPressingStory(pressingStory, time),
                aResistingStory(resistingStory, time)).orElseThrow();
    }

    private static Map<String, PolicyConflict> byId(PolicyConflict... conflicts) {
        Map<String, PolicyConflict> byId = new LinkedHashMap<>();
        for (PolicyConflict conflict : conflicts) {
            byId.put(conflict.getConflictId(), conflict);
        }
        return byId;
    }

    @Test
    void shouldRetractOnlyTheConflictsTheReplayDidNotFindAgainInIdOrder() {
        PolicyConflict kept = aConflict("story-doj", "story-nypd", T0);
        PolicyConflict goneEarly = aConflict("story-dhs", "story-nypd", T0);
        PolicyConflict goneLate = aConflict("story-ice", "story-nypd", T0.plus(Duration.ofDays(3)));

        List<PolicyConflict> gone = ConflictRetractions.gone(byId(goneLate, kept, goneEarly),
                Set.of(kept.getConflictId(), "conflict-new-with-the-new-rules"));

        assertThat(gone).containsExactlyInAnyOrder(goneEarly, goneLate);
        assertThat(gone).extracting(PolicyConflict::getConflictId).isSorted();
    }

    @Test
    void shouldRetractNothingWhenEveryConflictIsFoundAgain() {
        PolicyConflict conflict = aConflict("story-doj", "story-nypd", T0);

        List<PolicyConflict> gone = ConflictRetractions.gone(byId(conflict), Set.of(conflict.getConflictId()));

        assertThat(gone).isEmpty();
        assertThat(ConflictRetractions.alerts(gone, "rules-2")).isEmpty();
    }

    @Test
    void shouldStampEveryRetractionWithTheNewRulesAndTheLatestEventTimeOfWhatIsRetracted() {
        PolicyConflict early = aConflict("story-dhs", "story-nypd", T0);
        PolicyConflict late = aConflict("story-ice", "story-nypd", T0.plus(Duration.ofDays(3)));

        List<ConflictAlert> alerts = ConflictRetractions.alerts(List.of(early, late), "rules-2");

        assertThat(alerts).extracting(ConflictAlert::getConflictId)
                .containsExactly(early.getConflictId(), late.getConflictId());
        assertThat(alerts).allSatisfy(alert -> {
            assertThat(alert.getKind()).isEqualTo(AlertKind.RETRACTED);
            assertThat(alert.getAlertId()).isEqualTo(alert.getConflictId() + ":RETRACTED");
            assertThat(alert.getRuleVersion()).isEqualTo("rules-2");
            assertThat(alert.getEventTime()).isEqualTo(late.getLastSeen());
        });
        assertThat(ConflictRetractions.alerts(List.of(late, early), "rules-2"))
                .extracting(ConflictAlert::getEventTime).containsOnly(late.getLastSeen());
    }
}
