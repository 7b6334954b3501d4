package org.policyradar.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.avro.AlertKind;
import org.policyradar.avro.ConflictAlert;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.registry.serde.SpecificAvroSerde;
import org.policyradar.streams.enrich.RuleSet;
import org.policyradar.streams.topology.DetectionSettings;
import org.policyradar.streams.topology.StreamsRunner;
import org.policyradar.testkit.EmbeddedStack;
import org.policyradar.testkit.TopicRecords;
import org.policyradar.topics.Topics;

/** A replay over the whole history: the same conflicts with unchanged rules, retractions when they change. */
class ReplayIT {

    private static final String APPLICATION_ID = "replay-it";
    private static final Duration QUIET = Duration.ofSeconds(3);

    @TempDir
    static Path dir;

    @RegisterExtension
    static final EmbeddedStack STACK = EmbeddedStack.withPartitions(2);
    private static Map<String, Object> config;

    @BeforeAll
    static void startStack() {
        config = STACK.clientConfig();
    }

    @Test
    void shouldFindTheSameConflictsAgainAndRetractThoseTheNewRulesNoLongerFind() throws Exception {
        try (StreamsRunner runner = StreamsPipeline.start(config, APPLICATION_ID, dir.resolve("state"),
                DetectionSettings.DEFAULTS, RuleSet.loadDefault());
             Admin admin = Admin.create(config)) {
            EvalCorpus.publish(config, EvalCorpus.items());
            assertThat(new IdleDetector(admin, APPLICATION_ID, QUIET).awaitIdle(Duration.ofMinutes(3))).isTrue();
        }
        Map<String, PolicyConflict> original = conflicts();
        assertThat(original).hasSizeGreaterThan(20);

        Replay.Outcome unchanged = replay(DetectionSettings.DEFAULTS);

        assertThat(unchanged.retracted()).isZero();
        assertThat(conflicts()).isEqualTo(original);

        // a narrower window is a change of rules: stories whose days of reporting lie more than ten hours apart
        // no longer conflict
        Replay.Outcome narrower = replay(new DetectionSettings(Duration.ofHours(10), Duration.ofDays(7)));

        Map<String, PolicyConflict> after = conflicts();
        Set<String> retracted = original.keySet().stream().filter(id -> !after.containsKey(id))
                .collect(Collectors.toSet());
        assertThat(narrower.retracted()).isPositive().isEqualTo(retracted.size());
        assertThat(after.keySet()).isSubsetOf(original.keySet());
        List<ConflictAlert> retractions = TopicRecords.readAll(STACK.bootstrapServers(), Topics.POLICY_ALERTS,
                        new StringDeserializer(), alertSerde().deserializer()).stream()
                .map(record -> record.value()).filter(alert -> alert.getKind() == AlertKind.RETRACTED).toList();
        assertThat(retractions).extracting(ConflictAlert::getConflictId).containsExactlyInAnyOrderElementsOf(retracted);
    }

    private static Replay.Outcome replay(DetectionSettings settings) throws Exception {
        Replay.Started started = new Replay(config, APPLICATION_ID, dir.resolve("state"), settings,
                RuleSet.loadDefault()).start(QUIET, Duration.ofMinutes(3));
        started.runner().close();
        return started.outcome();
    }

    private static Map<String, PolicyConflict> conflicts() {
        SpecificAvroSerde<PolicyConflict> serde = new SpecificAvroSerde<>();
        serde.configure(config, false);
        return TopicRecords.latestByKey(STACK.bootstrapServers(), Topics.POLICY_CONFLICTS, new StringDeserializer(),
                serde.deserializer());
    }

    private static SpecificAvroSerde<ConflictAlert> alertSerde() {
        SpecificAvroSerde<ConflictAlert> serde = new SpecificAvroSerde<>();
        serde.configure(config, false);
        return serde;
    }
}
