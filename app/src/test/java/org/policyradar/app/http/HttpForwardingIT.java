package org.policyradar.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.app.pipeline.IdleDetector;
import org.policyradar.app.pipeline.NewsIngestion;
import org.policyradar.app.pipeline.StreamsPipeline;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.producer.IngestOptions;
import org.policyradar.registry.serde.SpecificAvroSerde;
import org.policyradar.streams.enrich.RuleSet;
import org.policyradar.streams.topology.DetectionSettings;
import org.policyradar.streams.topology.StreamsRunner;
import org.policyradar.testkit.EmbeddedStack;
import org.policyradar.testkit.TopicRecords;
import org.policyradar.topics.Topics;

/**
 * Two instances of one application on a two-partition stack, each with its HTTP server: the state is split
 * between them, and either answers for all of it (forwarding a key to its owner, merging listings).
 */
class HttpForwardingIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String APPLICATION_ID = "forward-it";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path dir;

    @RegisterExtension
    static final EmbeddedStack STACK = EmbeddedStack.withPartitions(2);
    private static final Map<String, Object> config = new HashMap<>();
    private static final List<PolicyRadarHttpServer> servers = new ArrayList<>();
    private static final List<StreamsRunner> runners = new ArrayList<>();
    private static ApiClient first;
    private static ApiClient second;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        config.putAll(STACK.clientConfig());
        for (String name : List.of("a", "b")) {
            PolicyRadarHttpServer server = PolicyRadarHttpServer.start("localhost", 0, config);
            servers.add(server);
            StreamsRunner runner = StreamsPipeline.start(server.streamsConfig(config), APPLICATION_ID,
                    dir.resolve("state-" + name), DetectionSettings.DEFAULTS, RuleSet.loadDefault());
            runners.add(runner);
            server.attach(runner.streams());
        }
        first = new ApiClient(servers.get(0).url());
        second = new ApiClient(servers.get(1).url());
        IngestOptions atSeedTime = IngestOptions.builder()
                .clock(Clock.fixed(SeededPipeline.SEED_TIME, ZoneOffset.UTC)).build();
        assertThat(NewsIngestion.publish(List.of(), atSeedTime, config).successful()).isTrue();
        try (Admin admin = Admin.create(config)) {
            assertThat(new IdleDetector(admin, APPLICATION_ID, Duration.ofSeconds(2)).awaitIdle(Duration.ofMinutes(2)))
                    .as("pipeline caught up").isTrue();
        }
        for (ApiClient instance : List.of(first, second)) {
            assertThat(awaitStatus(instance, "/health", 200)).as("instance healthy").isEqualTo(200);
        }
    }

    @AfterAll
    static void stopInstances() {
        runners.forEach(StreamsRunner::close);
        servers.forEach(PolicyRadarHttpServer::close);
    }

    /** Asks until the answer has the status (state moves while partitions are assigned); the last status. */
    private static int awaitStatus(ApiClient instance, String path, int status) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int last = instance.get(path).status();
        while (last != status && System.nanoTime() < deadline) {
            Thread.sleep(250);
            last = instance.get(path).status();
        }
        return last;
    }

    private static Set<String> conflictIdsOnTheTopic() {
        SpecificAvroSerde<PolicyConflict> serde = new SpecificAvroSerde<>();
        serde.configure(config, false);
        return TopicRecords.latestByKey(STACK.bootstrapServers(), Topics.POLICY_CONFLICTS, new StringDeserializer(),
                serde.deserializer()).keySet();
    }

    private static Set<String> ids(JsonNode conflicts) {
        Set<String> ids = new HashSet<>();
        conflicts.forEach(c -> ids.add(c.path("conflictId").asText()));
        return ids;
    }

    @Test
    void shouldAnswerEveryConflictAndItsItemsFromEitherInstance() throws Exception {
        Set<String> expected = conflictIdsOnTheTopic();
        assertThat(expected).isNotEmpty();

        for (String id : expected) {
            assertThat(awaitStatus(first, "/api/conflicts/" + id, 200)).as("first instance on %s", id).isEqualTo(200);
            JsonNode fromFirst = first.json("/api/conflicts/" + id);
            JsonNode fromSecond = second.json("/api/conflicts/" + id);
            assertThat(fromSecond).isEqualTo(fromFirst);
            assertThat(fromFirst.path("conflictId").asText()).isEqualTo(id);
            for (String side : List.of("pressing", "resisting")) {
                String itemId = fromFirst.path(side).path("itemId").asText();
                assertThat(first.json("/api/items/" + itemId).path("itemId").asText()).isEqualTo(itemId);
                assertThat(second.json("/api/items/" + itemId).path("itemId").asText()).isEqualTo(itemId);
            }
        }
        assertThat(first.get("/api/conflicts/conflict-unknown").status()).isEqualTo(404);
        assertThat(second.get("/api/conflicts/conflict-unknown").status()).isEqualTo(404);
    }

    @Test
    void shouldMergeTheListsOfBothInstancesWhereverItIsAsked() {
        Set<String> expected = conflictIdsOnTheTopic();

        Set<String> localToFirst = ids(first.json("/api/conflicts?local=true"));
        Set<String> localToSecond = ids(second.json("/api/conflicts?local=true"));

        assertThat(ids(first.json("/api/conflicts"))).isEqualTo(expected);
        assertThat(ids(second.json("/api/conflicts"))).isEqualTo(expected);
        // each instance owns a part of the state, so each answer above needed the other instance
        assertThat(localToFirst).isNotEmpty().doesNotContainAnyElementsOf(localToSecond);
        assertThat(localToSecond).isNotEmpty();
        Set<String> union = new HashSet<>(localToFirst);
        union.addAll(localToSecond);
        assertThat(union).isEqualTo(expected);
        assertThat(second.json("/api/actors")).isEqualTo(first.json("/api/actors"));
    }

    @Test
    void shouldPageTheMergedListInItsOrderWhicheverInstanceIsAsked() throws Exception {
        List<String> everything = new ArrayList<>();
        first.json("/api/conflicts").forEach(c -> everything.add(c.path("conflictId").asText()));
        assertThat(everything).hasSizeGreaterThan(2);

        for (PolicyRadarHttpServer server : servers) {
            List<String> paged = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                HttpResponse<String> page = HTTP.send(
                        HttpRequest.newBuilder(server.url().resolve("/api/conflicts?limit=2"
                                + (cursor == null ? "" : "&cursor=" + cursor))).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(page.statusCode()).isEqualTo(200);
                JSON.readTree(page.body())
                        .forEach(c -> paged.add(c.path("conflictId").asText()));
                cursor = page.headers().firstValue("X-Next-Cursor").orElse(null);
                pages++;
            } while (cursor != null && pages < 100);

            assertThat(paged).as("pages from %s", server.url()).isEqualTo(everything);
            assertThat(pages).isEqualTo((everything.size() + 1) / 2);
        }
    }
}
