package org.policyradar.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.registry.serde.SpecificAvroSerde;
import org.policyradar.testkit.NewsItems;
import org.policyradar.testkit.TopicRecords;
import org.policyradar.topics.Topics;

/** The HTTP API over a running topology on the embedded stack, fed with the seed news. */
@ExtendWith(SeededPipeline.Extension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HttpApiIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SeededPipeline pipeline;
    private static ApiClient api;

    @BeforeAll
    static void connect(SeededPipeline shared) {
        pipeline = shared;
        api = shared.api();
    }

    private static List<JsonNode> conflicts(String query) {
        List<JsonNode> list = new ArrayList<>();
        api.json("/api/conflicts" + query).forEach(list::add);
        return list;
    }

    private static Set<String> ids(List<JsonNode> conflicts) {
        return conflicts.stream().map(c -> c.path("conflictId").asText()).collect(Collectors.toSet());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The latest state of every conflict, as the compacted output topic has it. */
    private static Map<String, PolicyConflict> conflictsOnTheTopic() {
        SpecificAvroSerde<PolicyConflict> serde = new SpecificAvroSerde<>();
        serde.configure(pipeline.config(), false);
        return TopicRecords.latestByKey(pipeline.bootstrapServers(), Topics.POLICY_CONFLICTS, new StringDeserializer(),
                serde.deserializer());
    }

    @Test
    @Order(1)
    void shouldListEveryConflictOfTheStateLatestFirst() {
        List<JsonNode> listed = conflicts("");

        Map<String, PolicyConflict> onTopic = conflictsOnTheTopic();
        assertThat(onTopic).isNotEmpty();
        assertThat(ids(listed)).isEqualTo(onTopic.keySet());
        assertThat(listed).allSatisfy(conflict -> {
            PolicyConflict expected = onTopic.get(conflict.path("conflictId").asText());
            assertThat(conflict.path("topic").asText()).isEqualTo(expected.getTopic().name());
            assertThat(conflict.path("pressing").path("level").asText()).isEqualTo("FEDERAL");
            assertThat(conflict.path("resisting").path("level").asText()).isIn("STATE", "LOCAL");
            assertThat(conflict.path("pressing").path("itemId").asText())
                    .isEqualTo(expected.getPressing().getItemId());
            assertThat(conflict.path("lastSeen").asText()).isEqualTo(expected.getLastSeen().toString());
            assertThat(conflict.path("evidenceCount").asInt()).isEqualTo(expected.getEvidenceCount());
        });
        List<Instant> lastSeen = listed.stream().map(c -> Instant.parse(c.path("lastSeen").asText())).toList();
        assertThat(lastSeen).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    @Order(2)
    void shouldFilterByTopic() {
        List<JsonNode> all = conflicts("");
        Set<String> topics = all.stream().map(c -> c.path("topic").asText()).collect(Collectors.toSet());

        for (String topic : topics) {
            List<JsonNode> filtered = conflicts("?topic=" + topic.toLowerCase());
            assertThat(filtered).isNotEmpty().allSatisfy(c -> assertThat(c.path("topic").asText()).isEqualTo(topic));
            assertThat(filtered).hasSize((int) all.stream().filter(c -> c.path("topic").asText().equals(topic)).count());
        }
    }

    @Test
    @Order(3)
    void shouldFilterByJurisdictionCodeOrNameOnEitherSide() {
        JsonNode first = conflicts("").get(0).path("resisting");
        String code = first.path("jurisdictionCode").asText();
        String name = first.path("jurisdiction").asText();

        List<JsonNode> byCode = conflicts("?jurisdiction=" + encode(code.toLowerCase()));
        List<JsonNode> byName = conflicts("?jurisdiction=" + encode(name.substring(0, name.length() - 2)));

        assertThat(byCode).isNotEmpty().allSatisfy(c -> assertThat(List.of(
                c.path("pressing").path("jurisdictionCode").asText(),
                c.path("resisting").path("jurisdictionCode").asText())).contains(code));
        assertThat(ids(byName)).containsAll(ids(byCode));
        assertThat(conflicts("?jurisdiction=Atlantis")).isEmpty();
    }

    @Test
    @Order(4)
    void shouldFilterByActorIdOrNameOnEitherSide() {
        JsonNode pressing = conflicts("").get(0).path("pressing");
        String actor = pressing.path("actor").asText();

        List<JsonNode> byId = conflicts("?actor=" + encode(actor));
        List<JsonNode> byName = conflicts("?actor=" + encode(pressing.path("actorName").asText().toUpperCase()));

        assertThat(byId).isNotEmpty().allSatisfy(c -> assertThat(List.of(c.path("pressing").path("actor").asText(),
                c.path("resisting").path("actor").asText())).contains(actor));
        assertThat(ids(byName)).containsAll(ids(byId));
    }

    @Test
    @Order(5)
    void shouldFilterByLastSeen() {
        List<JsonNode> all = conflicts("");
        List<Instant> lastSeen = all.stream().map(c -> Instant.parse(c.path("lastSeen").asText())).sorted().toList();
        Instant latest = lastSeen.get(lastSeen.size() - 1);

        assertThat(conflicts("?since=" + lastSeen.get(0))).hasSameSizeAs(all);
        assertThat(conflicts("?since=" + latest)).isNotEmpty().allSatisfy(c ->
                assertThat(Instant.parse(c.path("lastSeen").asText())).isEqualTo(latest));
        assertThat(conflicts("?since=" + latest.plusMillis(1))).isEmpty();
    }

    @Test
    @Order(6)
    void shouldRejectFiltersItCannotReadWithAClearJsonError() {
        ApiClient.Answer badTopic = api.get("/api/conflicts?topic=WEATHER");
        ApiClient.Answer badSince = api.get("/api/conflicts?since=yesterday");

        assertThat(badTopic.status()).isEqualTo(400);
        assertThat(badTopic.contentType()).startsWith("application/json");
        assertThat(badTopic.json().path("error").asText()).contains("WEATHER", "COOPERATION");
        assertThat(badSince.status()).isEqualTo(400);
        assertThat(badSince.json().path("error").asText()).contains("yesterday", "ISO-8601");
    }

    @Test
    @Order(7)
    void shouldAnswerOneConflictByIdAndA404ForAnUnknownOne() {
        JsonNode listed = conflicts("").get(0);
        String id = listed.path("conflictId").asText();

        JsonNode one = api.json("/api/conflicts/" + id);
        ApiClient.Answer unknown = api.get("/api/conflicts/conflict-that-does-not-exist");

        assertThat(one).isEqualTo(listed);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("error").asText()).contains("conflict-that-does-not-exist");
    }

    @Test
    @Order(8)
    void shouldAnswerAnItemWithEvidenceThatPointsIntoItsText() {
        JsonNode conflict = conflicts("").get(0);
        String itemId = conflict.path("resisting").path("itemId").asText();

        JsonNode item = api.json("/api/items/" + itemId);

        assertThat(item.path("itemId").asText()).isEqualTo(itemId);
        String text = item.path("text").asText();
        assertThat(item.path("positions")).isNotEmpty();
        assertThat(item.path("positions")).anySatisfy(position -> {
            assertThat(position.path("actor").asText()).isEqualTo(conflict.path("resisting").path("actor").asText());
            assertThat(position.path("stance").asText()).isEqualTo("RESIST");
        });
        List<JsonNode> evidence = new ArrayList<>();
        item.path("positions").forEach(position -> position.path("evidence").forEach(evidence::add));
        assertThat(evidence).isNotEmpty().allSatisfy(e -> assertThat(
                text.substring(e.path("start").asInt(), e.path("end").asInt())).isEqualTo(e.path("phrase").asText()));
        assertThat(api.get("/api/items/no-such-item").status()).isEqualTo(404);
    }

    @Test
    @Order(9)
    void shouldSummariseThePositionsOfEveryActorInAConflict() {
        List<JsonNode> all = conflicts("");

        JsonNode actors = api.json("/api/actors");

        Set<String> expected = new HashSet<>();
        all.forEach(c -> {
            expected.add(c.path("pressing").path("actor").asText());
            expected.add(c.path("resisting").path("actor").asText());
        });
        Set<String> listed = new HashSet<>();
        int conflictEnds = 0;
        for (JsonNode actor : actors) {
            listed.add(actor.path("actor").asText());
            conflictEnds += actor.path("conflicts").asInt();
            assertThat(actor.path("actorName").asText()).isNotBlank();
            assertThat(actor.path("level").asText()).isIn("FEDERAL", "STATE", "LOCAL");
            assertThat(actor.path("jurisdiction").asText()).isNotBlank();
            assertThat(actor.path("counterparts")).isNotEmpty();
        }
        assertThat(listed).isEqualTo(expected);
        assertThat(conflictEnds).isEqualTo(2 * all.size());
    }

    @Test
    @Order(10)
    void shouldReportHealthAndPrometheusMetrics() {
        ApiClient.Answer health = api.get("/health");
        ApiClient.Answer metrics = api.get("/metrics");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("RUNNING");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.contentType()).startsWith("text/plain");
        assertThat(metrics.body()).contains("kafka_stream_").contains("jvm_memory_used_bytes");
    }

    @Test
    @Order(11)
    void shouldAnswerAnUnknownEndpointWithAJson404() {
        ApiClient.Answer answer = api.get("/api/nothing-here");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.json().path("error").asText()).contains("/api/nothing-here");
    }

    @Test
    @Order(20)
    void shouldSendANewConflictToLiveClientsAsItIsFound() throws Exception {
        try (EventStreamClient stream = new EventStreamClient(pipeline.base().resolve("/api/stream"))) {
            assertThat(stream.await(event -> event.name().equals("ready"), Duration.ofSeconds(30)))
                    .as("the stream says it is ready").isNotNull();

            pipeline.publish(NewsItems.item("http-it-seattle",
                    "Seattle police were told by the mayor not to assist ICE agents with deportations.",
                    SeededPipeline.SEED_TIME.plus(Duration.ofHours(2))));

            EventStreamClient.Event event = stream.await(e -> e.name().equals("conflict")
                    && e.data().contains("http-it-seattle"), Duration.ofMinutes(1));
            assertThat(event).as("a conflict event for the new item").isNotNull();
            JsonNode conflict = JSON.readTree(event.data());
            assertThat(conflict.path("resisting").path("itemId").asText()).isEqualTo("http-it-seattle");
            assertThat(conflict.path("resisting").path("jurisdictionCode").asText()).isEqualTo("US-WA-SEATTLE");
            assertThat(conflict.path("pressing").path("level").asText()).isEqualTo("FEDERAL");
            pipeline.awaitIdle();
            assertThat(api.json("/api/conflicts/" + conflict.path("conflictId").asText())
                    .path("resisting").path("itemId").asText()).isEqualTo("http-it-seattle");
        }
    }
}
