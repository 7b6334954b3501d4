package org.policyradar.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.avro.NewsItem;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.registry.serde.SpecificAvroSerde;
import org.policyradar.stack.LocalStack;
import org.policyradar.streams.enrich.RuleSet;
import org.policyradar.streams.topology.DetectionSettings;
import org.policyradar.streams.topology.StreamsRunner;
import org.policyradar.testkit.TopicRecords;
import org.policyradar.topics.Topics;

/**
 * The same input gives the same conflicts — ids and content — whatever the number of input partitions, the
 * number of Streams instances and the order the items arrive in. Each configuration runs on a fresh embedded
 * stack over the evaluation corpus (102 items with duplicated stories, published half an hour apart).
 */
class ScaleIT {

    private static final String APPLICATION_ID = "scale-it";

    @TempDir
    Path dir;

    private static List<NewsItem> corpus;
    private static Map<String, PolicyConflict> baseline;

    @BeforeAll
    static void readCorpus() {
        corpus = EvalCorpus.items();
    }

    @Test
    void shouldFindTheSameConflictsWithOneThreeAndSixPartitionsOneOrTwoInstancesAndShuffledInput() throws Exception {
        baseline = conflicts(1, 1, corpus, "p1");
        assertThat(baseline).hasSizeGreaterThan(20);

        List<NewsItem> shuffled = new ArrayList<>(corpus);
        Collections.shuffle(shuffled, new Random(20261127));

        assertThat(differences(conflicts(3, 1, corpus, "p3"))).as("3 partitions").isEmpty();
        assertThat(differences(conflicts(6, 1, corpus, "p6"))).as("6 partitions").isEmpty();
        assertThat(differences(conflicts(3, 2, corpus, "p3x2"))).as("3 partitions, 2 instances").isEmpty();
        assertThat(differences(conflicts(3, 1, shuffled, "p3-shuffled"))).as("3 partitions, shuffled").isEmpty();
    }

    /** What differs from the baseline, one line per conflict id, so a failure says what and where. */
    private static List<String> differences(Map<String, PolicyConflict> other) {
        List<String> differences = new ArrayList<>();
        baseline.forEach((id, conflict) -> {
            PolicyConflict theirs = other.get(id);
            if (theirs == null) {
                differences.add("missing " + id + " " + conflict.getArticleIds());
            } else if (!theirs.equals(conflict)) {
                differences.add("differs " + id + ": " + conflict.getArticleIds() + " score " + conflict.getScore()
                        + " first " + conflict.getFirstSeen() + " vs " + theirs.getArticleIds() + " score "
                        + theirs.getScore() + " first " + theirs.getFirstSeen());
            }
        });
        other.keySet().stream().filter(id -> !baseline.containsKey(id))
                .forEach(id -> differences.add("unexpected " + id + " " + other.get(id).getArticleIds()));
        return differences;
    }

    /** Runs the pipeline on a fresh stack and returns the final state of the compacted conflicts topic. */
    private Map<String, PolicyConflict> conflicts(int partitions, int instances, List<NewsItem> items, String name)
            throws Exception {
        try (LocalStack stack = LocalStack.start(dir.resolve(name), 0, 0, partitions)) {
            Map<String, Object> config = new HashMap<>();
            config.put("bootstrap.servers", stack.bootstrapServers());
            config.put("schema.registry.url", stack.registryUrl());
            List<StreamsRunner> runners = new ArrayList<>();
            try {
                for (int i = 0; i < instances; i++) {
                    runners.add(StreamsPipeline.start(config, APPLICATION_ID, dir.resolve(name + "-state-" + i),
                            DetectionSettings.DEFAULTS, RuleSet.loadDefault()));
                }
                EvalCorpus.publish(config, items);
                try (Admin admin = Admin.create(config)) {
                    assertThat(new IdleDetector(admin, APPLICATION_ID, Duration.ofSeconds(3))
                            .awaitIdle(Duration.ofMinutes(3))).as("%s caught up", name).isTrue();
                }
                assertThat(runners).noneMatch(StreamsRunner::failed);
            } finally {
                runners.forEach(StreamsRunner::close);
            }
            SpecificAvroSerde<PolicyConflict> serde = new SpecificAvroSerde<>();
            serde.configure(config, false);
            return TopicRecords.latestByKey(stack.bootstrapServers(), Topics.POLICY_CONFLICTS,
                    new StringDeserializer(), serde.deserializer());
        }
    }
}
