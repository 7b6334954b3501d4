package org.policyradar.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.avro.EventTimeSource;
import org.policyradar.avro.NewsItem;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.avro.StoryState;
import org.policyradar.streams.enrich.RuleSet;
import org.policyradar.streams.story.Bounded;
import org.policyradar.streams.story.StoryFold;
import org.policyradar.streams.topology.TopologyNames.InternalResources;
import org.policyradar.testkit.InMemoryRegistry;
import org.policyradar.topics.Topics;

/**
 * A flood: {@value #OUTLETS} outlets each report every seed story. Output grows with stories, not with articles,
 * and no record of any topic or store grows with the number of reports.
 */
class FloodTest {

    private static final int OUTLETS = 300;
    private static final int MAX_RECORD_BYTES = 64 * 1024;
    private static final Instant START = Instant.parse("2025-09-01T06:00:00Z");
    private static final String[] INTERNAL = {
        TopologyRun.APPLICATION_ID + "-" + InternalResources.STORY_REPORT_REPARTITION + "-repartition",
        TopologyRun.APPLICATION_ID + "-" + InternalResources.STORY_SUMMARY_REPARTITION + "-repartition",
        TopologyRun.APPLICATION_ID + "-" + InternalResources.CONFLICT_OBSERVATION_REPARTITION + "-repartition",
        TopologyRun.APPLICATION_ID + "-" + InternalResources.STORIES_STORE + "-changelog",
        TopologyRun.APPLICATION_ID + "-" + InternalResources.TOPIC_STORIES_STORE + "-changelog",
        TopologyRun.APPLICATION_ID + "-" + InternalResources.CONFLICTS_STORE + "-changelog",
    };

    @RegisterExtension
    static final InMemoryRegistry REGISTRY = new InMemoryRegistry();
    private static RuleSet rules;
    private static List<NewsItem> flood;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void setUp() throws IOException {
        rules = RuleSet.loadDefault();
        flood = flood();
    }

    @Test
    void shouldWriteAFewChangesPerConflictAndOnlyBoundedRecordsWhateverTheNumberOfReports() throws IOException {
        try (TopologyRun run = new TopologyRun(REGISTRY.url(), rules, DetectionSettings.DEFAULTS,
                Files.createDirectories(stateDir.resolve("in-order")), START)) {
            run.publish(flood);
            List<TestRecord<String, PolicyConflict>> changes = run.conflictRecords();
            Map<String, PolicyConflict> latest = latest(changes);

            assertThat(latest).hasSizeGreaterThanOrEqualTo(7);
            assertThat(run.alerts()).hasSameSizeAs(latest.keySet());
            // per conflict: new, the first ten reports of either side, and each doubling of either count
            int perConflict = 1 + 2 * (StoryFold.MAX_REPORTS + log2(OUTLETS) + 1);
            assertThat(changes).hasSizeLessThanOrEqualTo(latest.size() * perConflict);
            assertThat(latest.values()).allSatisfy(conflict -> {
                // every outlet reports each story (two seed items share one story: twice as many)
                assertThat(conflict.getPressingStory().getArticleCount())
                        .isIn(Integer.highestOneBit(OUTLETS), Integer.highestOneBit(2 * OUTLETS));
                assertThat(conflict.getResistingStory().getArticleCount()).isEqualTo(Integer.highestOneBit(OUTLETS));
                assertThat(conflict.getPressingStory().getReports()).hasSize(StoryFold.MAX_REPORTS);
                assertThat(conflict.getArticleIds()).hasSizeLessThanOrEqualTo(2 * StoryFold.MAX_REPORTS);
            });
            Map<String, String> sizes = new TreeMap<>();
            int largest = largestRecord(run, sizes);
            System.out.printf("flood: %d items, %d conflicts, %d changes on %s, largest record %d bytes; "
                    + "records and largest per topic: %s%n", flood.size(), latest.size(), changes.size(),
                    Topics.POLICY_CONFLICTS, largest, sizes);
            assertThat(largest).isLessThan(MAX_RECORD_BYTES);
            assertEveryStoryIsBounded(run);
        }
    }

    @Test
    void shouldLeaveTheSameConflictsWhenTheFloodArrivesShuffled() throws IOException {
        Map<String, PolicyConflict> inOrder;
        try (TopologyRun run = new TopologyRun(REGISTRY.url(), rules, DetectionSettings.DEFAULTS,
                Files.createDirectories(stateDir.resolve("sorted")), START)) {
            run.publish(flood);
            inOrder = latest(run.conflictRecords());
        }
        List<NewsItem> shuffled = new ArrayList<>(flood);
        Collections.shuffle(shuffled, new Random(42));
        try (TopologyRun run = new TopologyRun(REGISTRY.url(), rules, DetectionSettings.DEFAULTS,
                Files.createDirectories(stateDir.resolve("shuffled")), START)) {
            run.publish(shuffled);
            assertThat(latest(run.conflictRecords())).isEqualTo(inOrder);
            assertThat(largestRecord(run, new TreeMap<>())).isLessThan(MAX_RECORD_BYTES);
        }
    }

    private static int largestRecord(TopologyRun run, Map<String, String> sizes) {
        int largest = 0;
        List<String> topics = new ArrayList<>(List.of(Topics.NEWS_ENRICHED, Topics.POLICY_CONFLICTS,
                Topics.POLICY_ALERTS));
        topics.addAll(List.of(INTERNAL));
        for (String topic : topics) {
            List<TestRecord<byte[], byte[]>> records = run.raw(topic);
            int inTopic = 0;
            for (TestRecord<byte[], byte[]> record : records) {
                int size = (record.key() == null ? 0 : record.key().length)
                        + (record.value() == null ? 0 : record.value().length);
                inTopic = Math.max(inTopic, size);
            }
            sizes.put(topic, records.size() + "/" + inTopic);
            largest = Math.max(largest, inTopic);
        }
        assertThat(largest).as("records were captured").isPositive();
        return largest;
    }

    private static void assertEveryStoryIsBounded(TopologyRun run) {
        KeyValueStore<String, StoryState> stories = run.driver.getKeyValueStore(InternalResources.STORIES_STORE);
        try (KeyValueIterator<String, StoryState> all = stories.all()) {
            while (all.hasNext()) {
                KeyValue<String, StoryState> story = all.next();
                assertThat(story.value.getSummary().getReports()).hasSizeLessThanOrEqualTo(StoryFold.MAX_REPORTS);
                assertThat(Bounded.avroBytes(story.value)).isLessThan(Bounded.MAX_RECORD_BYTES);
            }
        }
    }

    private static Map<String, PolicyConflict> latest(List<TestRecord<String, PolicyConflict>> records) {
        Map<String, PolicyConflict> latest = new TreeMap<>();
        records.forEach(record -> latest.put(record.key(), record.value()));
        return latest;
    }

    private static int log2(int n) {
        return 31 - Integer.numberOfLeadingZeros(n);
    }

    /** Outlet {@code n} reports every seed story {@code n * 30} seconds after the start, a second apart. */
    private static List<NewsItem> flood() throws IOException {
        List<String> stories;
        try (InputStream in = FloodTest.class.getClassLoader().getResourceAsStream("corpus/seed-news.txt")) {
            stories = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty()).toList();
        }
        List<NewsItem> items = new ArrayList<>();
        for (int outlet = 0; outlet < OUTLETS; outlet++) {
            for (int story = 0; story < stories.size(); story++) {
                Instant published = START.plus(Duration.ofSeconds(30L * outlet + story));
                items.add(NewsItem.newBuilder()
                        .setId("outlet-" + outlet + "-s" + (story + 1))
                        .setSource("outlet-" + outlet)
                        .setUrl("https://outlet-" + outlet + ".example/news/" + (story + 1))
                        .setHeadline(null)
                        .setText(stories.get(story))
                        .setLanguage("en")
                        .setPublishedAt(published)
                        .setEventTimeSource(EventTimeSource.PUBLISHED)
                        .setIngestedAt(published)
                        .setAttributes(Map.of())
                        .build());
            }
        }
        return items;
    }
}
