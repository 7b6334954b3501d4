package org.policyradar.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.avro.NewsItem;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.producer.IngestOptions;
import org.policyradar.producer.NewsIngestor;
import org.policyradar.registry.serde.SpecificAvroSerde;
import org.policyradar.streams.enrich.RuleSet;
import org.policyradar.streams.topology.DetectionSettings;
import org.policyradar.streams.topology.StreamsRunner;
import org.policyradar.testkit.EmbeddedStack;
import org.policyradar.testkit.TopicRecords;
import org.policyradar.topics.Topics;

/** The whole pipeline on the embedded stack (real KRaft broker, real registry) over the bundled seed news. */
class SeedPipelineIT {

    @TempDir
    static Path dir;

    @RegisterExtension
    static final EmbeddedStack STACK = new EmbeddedStack();
    private static Map<String, Object> config;

    @BeforeAll
    static void startStack() {
        config = STACK.clientConfig();
    }

    @Test
    void shouldFindEveryRequiredSeedPairAndNoWrongOne() throws Exception {
        SeedLabels labels = SeedLabels.load();
        Map<String, String> labelOfItemId = labelsByItemId(labels);

        try (StreamsRunner runner = StreamsPipeline.start(config, "seed-it", dir.resolve("state"),
                DetectionSettings.DEFAULTS, RuleSet.loadDefault())) {
            NewsIngestion.Result published = NewsIngestion.publish(List.of(), IngestOptions.defaults(), config);
            assertThat(published.successful()).isTrue();
            assertThat(published.summary().published()).isEqualTo(labels.items().size());
            try (Admin admin = Admin.create(config)) {
                assertThat(new IdleDetector(admin, "seed-it", Duration.ofSeconds(3)).awaitIdle(Duration.ofMinutes(3)))
                        .as("pipeline caught up").isTrue();
            }
            assertThat(runner.failed()).isFalse();
        }

        List<PolicyConflict> conflicts = latestConflicts();
        // a conflict joins two stories; a required pair is found when one conflict holds both of its articles
        List<List<String>> articlesPerConflict = conflicts.stream()
                .map(conflict -> conflict.getArticleIds().stream().map(labelOfItemId::get).toList())
                .toList();
        for (List<String> required : labels.requiredPairs()) {
            assertThat(articlesPerConflict).as("a conflict holding %s", required)
                    .anySatisfy(articles -> assertThat(articles).containsAll(required));
        }
        for (PolicyConflict conflict : conflicts) {
            String pressing = labelOfItemId.get(conflict.getPressing().getItemId());
            String resisting = labelOfItemId.get(conflict.getResisting().getItemId());
            assertThat(labels.allows(pressing, resisting))
                    .as("conflict %s -> %s is allowed by the labels", pressing, resisting).isTrue();
        }
    }

    /** Item ids are derived from the text, so read the seed the way the producer does to map lines to labels. */
    private static Map<String, String> labelsByItemId(SeedLabels labels) throws Exception {
        List<NewsItem> items = new ArrayList<>();
        try (InputStream seed = SeedPipelineIT.class.getResourceAsStream(NewsIngestion.SEED_RESOURCE)) {
            new NewsIngestor(IngestOptions.defaults()).ingest("seed-news.txt", seed, items::add);
        }
        Map<String, String> byItemId = new HashMap<>();
        labels.items().values().forEach(label -> byItemId.put(items.get(label.line() - 1).getId(), label.id()));
        return byItemId;
    }

    private static List<PolicyConflict> latestConflicts() {
        SpecificAvroSerde<PolicyConflict> serde = new SpecificAvroSerde<>();
        serde.configure(config, false);
        return new ArrayList<>(TopicRecords.latestByKey(STACK.bootstrapServers(), Topics.POLICY_CONFLICTS,
                new StringDeserializer(), serde.deserializer()).values());
    }
}
