package org.policyradar.app.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyradar.app.alerts.TestAlerts.anAlert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.policyradar.app.pipeline.ConflictFormat;
import org.policyradar.avro.AlertKind;
import org.policyradar.avro.ConflictAlert;

class AlertBodiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldKeepEveryFieldOfTheConflictFormatAndAddTheAlertsIdentity() throws Exception {
        ConflictAlert alert = anAlert("c-42").build();

        JsonNode body = JSON.readTree(PayloadFormat.JSON.render(alert));
        JsonNode conflict = JSON.readTree(ConflictFormat.json(alert));

        List<String> conflictFields = new ArrayList<>();
        conflict.fieldNames().forEachRemaining(conflictFields::add);
        for (String field : conflictFields) {
            assertThat(body.get(field)).as(field).isEqualTo(conflict.get(field));
        }
        assertThat(body.get("alertId").asText()).isEqualTo("c-42:NEW_CONFLICT");
        assertThat(body.get("kind").asText()).isEqualTo("NEW_CONFLICT");
        assertThat(body.get("conflictId").asText()).isEqualTo("c-42");
        assertThat(body.get("title").asText()).isEqualTo("US-DHS vs KING-COUNTY on COOPERATION");
        assertThat(body.get("eventTime").asText()).isEqualTo("2025-03-01T13:00:00Z");
        assertThat(body.at("/pressing/actor").asText()).isEqualTo("US-DHS");
        assertThat(body.at("/resisting/jurisdiction").asText()).isEqualTo("King County, WA");
        assertThat(body.at("/pressing/evidence/0/phrase").asText()).isEqualTo("directive");
    }

    @Test
    void shouldNameThePolicyDomainOfTheAlertInBothBodies() throws Exception {
        ConflictAlert immigration = anAlert("c-42").build();
        ConflictAlert elections = anAlert("c-43").setTopic(org.policyradar.avro.PolicyTopic.ELECTIONS).build();

        assertThat(JSON.readTree(PayloadFormat.JSON.render(immigration)).get("domain").asText()).isEqualTo("IMMIGRATION");
        assertThat(JSON.readTree(PayloadFormat.JSON.render(elections)).get("domain").asText()).isEqualTo("ELECTIONS");
        assertThat(JSON.readTree(PayloadFormat.SLACK.render(elections)).at("/blocks/0/text/text").asText())
                .contains("Domain ELECTIONS · topic ELECTIONS");
    }

    @Test
    void shouldBuildASlackBodyWithTextAndSectionsForTitleExplanationAndBothSides() throws Exception {
        JsonNode body = JSON.readTree(PayloadFormat.SLACK.render(anAlert("c-42").build()));

        assertThat(body.get("text").asText()).contains("US-DHS vs KING-COUNTY on COOPERATION");
        JsonNode blocks = body.get("blocks");
        assertThat(blocks).hasSize(4);
        for (JsonNode block : blocks) {
            assertThat(block.get("type").asText()).isEqualTo("section");
            assertThat(block.at("/text/type").asText()).isEqualTo("mrkdwn");
        }
        assertThat(blocks.get(0).at("/text/text").asText())
                .startsWith("*New policy conflict: US-DHS vs KING-COUNTY on COOPERATION*")
                .contains("score 0.82");
        assertThat(blocks.get(1).at("/text/text").asText()).contains("King County bars its jail");
        assertThat(blocks.get(2).at("/text/text").asText())
                .contains("*Pressing:* Department of Homeland Security (US-DHS, FEDERAL)")
                .contains("*Jurisdiction:* United States")
                .contains("> DHS directive tells county jails to honour every detainer");
        // an item without a headline shows its text instead
        assertThat(blocks.get(3).at("/text/text").asText())
                .contains("*Resisting:* King County Council (KING-COUNTY, LOCAL)")
                .contains("*Jurisdiction:* King County, WA")
                .contains("> King County's council passed an ordinance");
    }

    @Test
    void shouldEscapeSlackControlCharactersAndNameRetractions() throws Exception {
        ConflictAlert alert = anAlert("c-7").setKind(AlertKind.RETRACTED).setAlertId("c-7:RETRACTED")
                .setExplanation("Sheriff <b>refuses</b> & the DOJ > objects").build();

        JsonNode body = JSON.readTree(PayloadFormat.SLACK.render(alert));

        assertThat(body.at("/blocks/0/text/text").asText()).startsWith("*Policy conflict retracted:");
        assertThat(body.at("/blocks/1/text/text").asText())
                .isEqualTo("Sheriff &lt;b&gt;refuses&lt;/b&gt; &amp; the DOJ &gt; objects");
    }

    @Test
    void shouldEscapeTheTopLevelTextSoThatNewsTextCannotMentionTheChannelOrPlantALink() throws Exception {
        ConflictAlert alert = anAlert("c-8").setTitle("<!channel> US-DHS vs KING-COUNTY")
                .setExplanation("Read <https://evil.example/phish|Click here> & <@U024BE7LH> now").build();

        JsonNode body = JSON.readTree(PayloadFormat.SLACK.render(alert));

        String text = body.get("text").asText();
        assertThat(text).isEqualTo("New policy conflict: &lt;!channel&gt; US-DHS vs KING-COUNTY — Read "
                + "&lt;https://evil.example/phish|Click here&gt; &amp; &lt;@U024BE7LH&gt; now");
        assertThat(text).doesNotContain("<").doesNotContain(">");
        assertThat(body.at("/blocks/0/text/text").asText()).contains("&lt;!channel&gt;").doesNotContain("<!");
        assertThat(body.at("/blocks/1/text/text").asText()).doesNotContain("<https");
    }

    @Test
    void shouldKeepSlackSectionsWithinSlacksLengthLimit() throws Exception {
        ConflictAlert alert = anAlert("c-long").setExplanation("word ".repeat(2000)).build();

        JsonNode body = JSON.readTree(PayloadFormat.SLACK.render(alert));

        assertThat(body.at("/blocks/1/text/text").asText()).hasSize(SlackAlertBody.MAX_SECTION_TEXT).endsWith("…");
    }

    @Test
    void shouldReadTheFormatNamesInAnyCase() {
        assertThat(PayloadFormat.parse("json")).isEqualTo(PayloadFormat.JSON);
        assertThat(PayloadFormat.parse("Slack")).isEqualTo(PayloadFormat.SLACK);
    }
}
