package org.policyradar.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyradar.app.http.TestConflicts.T0;
import static org.policyradar.app.http.TestConflicts.conflict;
import static org.policyradar.app.http.TestConflicts.denverMayor;
import static org.policyradar.app.http.TestConflicts.ice;
import static org.policyradar.app.http.TestConflicts.kingCountySheriff;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.policyradar.app.pipeline.ConflictFormat;
import org.policyradar.avro.PolicyTopic;

class ActorSummariesTest {

    private static final List<JsonNode> CONFLICTS = List.of(
            ConflictFormat.jsonNode(conflict("c-king", ice(PolicyTopic.COOPERATION),
                    kingCountySheriff(PolicyTopic.COOPERATION), T0)),
            ConflictFormat.jsonNode(conflict("c-denver", ice(PolicyTopic.SENSITIVE_LOCATIONS),
                    denverMayor(PolicyTopic.SENSITIVE_LOCATIONS), T0)));

    @Test
    void shouldListPressingActorsFirstWithTheirCounterparts() {
        JsonNode actors = ActorSummaries.of(CONFLICTS);

        assertThat(actors).hasSize(3);
        JsonNode ice = actors.get(0);
        assertThat(ice.path("actor").asText()).isEqualTo("US-DHS-ICE");
        assertThat(ice.path("side").asText()).isEqualTo("PRESSING");
        assertThat(ice.path("level").asText()).isEqualTo("FEDERAL");
        assertThat(ice.path("conflicts").asInt()).isEqualTo(2);
        assertThat(ice.path("jurisdictionCode").asText()).isEqualTo("US");
        assertThat(ice.path("topics").toString()).isEqualTo("[\"COOPERATION\",\"SENSITIVE_LOCATIONS\"]");
        assertThat(ice.path("counterparts").findValuesAsText("actor"))
                .containsExactly("MAYOR-US-CO-DENVER", "SHERIFF-US-WA-KING_COUNTY");
    }

    @Test
    void shouldDescribeEachResistingActorWhereItActs() {
        JsonNode actors = ActorSummaries.of(CONFLICTS);

        List<String> order = new ArrayList<>();
        actors.forEach(actor -> order.add(actor.path("actor").asText()));
        assertThat(order).containsExactly("US-DHS-ICE", "MAYOR-US-CO-DENVER", "SHERIFF-US-WA-KING_COUNTY");
        JsonNode sheriff = actors.get(2);
        assertThat(sheriff.path("side").asText()).isEqualTo("RESISTING");
        assertThat(sheriff.path("jurisdiction").asText()).isEqualTo("King County, WA");
        assertThat(sheriff.path("stances").toString()).isEqualTo("[\"RESIST\"]");
        assertThat(sheriff.path("conflicts").asInt()).isEqualTo(1);
        assertThat(sheriff.path("counterparts").get(0).path("actorName").asText())
                .isEqualTo("Immigration and Customs Enforcement");
    }

    @Test
    void shouldBeEmptyWithoutConflicts() {
        assertThat(ActorSummaries.of(List.of())).isEmpty();
    }
}
