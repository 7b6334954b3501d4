package org.policyradar.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyradar.testkit.NewsItems.CHICAGO_REFUSAL;
import static org.policyradar.testkit.NewsItems.DHS_ORDER;
import static org.policyradar.testkit.NewsItems.DOJ_ORDER;
import static org.policyradar.testkit.NewsItems.NYPD_REFUSAL;
import static org.policyradar.testkit.NewsItems.NYPD_REFUSAL_OTHER_OUTLET;
import static org.policyradar.testkit.NewsItems.T0;
import static org.policyradar.testkit.NewsItems.aNewsItem;
import static org.policyradar.testkit.NewsItems.item;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.avro.AlertKind;
import org.policyradar.avro.ConflictAlert;
import org.policyradar.avro.EnrichedNewsItem;
import org.policyradar.avro.EventTimeSource;
import org.policyradar.avro.GovernmentLevel;
import org.policyradar.avro.NewsItem;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.avro.PolicyTopic;
import org.policyradar.avro.Stance;
import org.policyradar.avro.StoryArticle;
import org.policyradar.streams.enrich.RuleSet;
import org.policyradar.testkit.InMemoryRegistry;
import org.policyradar.testkit.NewsItems;
import org.policyradar.topics.Topics;

/** The production topology on TopologyTestDriver, with its serdes talking to a real (in-memory) registry. */
class PolicyRadarTopologyTest {

    private static final DetectionSettings SETTINGS =
            new DetectionSettings(Duration.ofDays(30), Duration.ofDays(2));
    /** After the DOJ story's period (T0's day plus the 30-day window), within the 2 days of retention after it. */
    private static final Instant AFTER_THE_WINDOW = T0.plus(Duration.ofDays(31));
    @RegisterExtension
    static final InMemoryRegistry REGISTRY = new InMemoryRegistry();
    private static RuleSet rules;

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, NewsItem> items;
    private TestInputTopic<byte[], byte[]> rawItems;
    private TestOutputTopic<String, EnrichedNewsItem> enriched;
    private TestOutputTopic<String, PolicyConflict> conflicts;
    private TestOutputTopic<String, ConflictAlert> alerts;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @BeforeAll
    static void loadRules() {
        rules = RuleSet.loadDefault();
    }

    @BeforeEach
    void startDriver() {
        Properties props = StreamsSettings.of("topology-test", "unused:9092", stateDir, Map.of());
        PipelineSerdes serdes = PipelineSerdes.fromRegistry(Map.of("schema.registry.url", REGISTRY.url()));
        driver = new TopologyTestDriver(PolicyRadarTopology.build(props, rules, serdes, SETTINGS), props,
                T0.minus(Duration.ofDays(1)));
        items = driver.createInputTopic(Topics.NEWS_ITEMS, serdes.key().serializer(), serdes.newsItem().serializer());
        rawItems = driver.createInputTopic(Topics.NEWS_ITEMS, new ByteArraySerializer(), new ByteArraySerializer());
        enriched = driver.createOutputTopic(Topics.NEWS_ENRICHED, serdes.key().deserializer(),
                serdes.enrichedNewsItem().deserializer());
        conflicts = driver.createOutputTopic(Topics.POLICY_CONFLICTS, serdes.key().deserializer(),
                serdes.policyConflict().deserializer());
        alerts = driver.createOutputTopic(Topics.POLICY_ALERTS, serdes.key().deserializer(),
                serdes.conflictAlert().deserializer());
        deadLetters = driver.createOutputTopic(Topics.NEWS_DLQ, Serdes.ByteArray().deserializer(),
                Serdes.ByteArray().deserializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private void publish(NewsItem item) {
        items.pipeInput(item.getId(), item, item.getPublishedAt());
    }

    /** A second run from nothing: a new driver on state of its own. */
    private void restartDriver() {
        driver.close();
        stateDir = stateDir.resolve("second-run");
        startDriver();
    }

    /** An item that carried no publication time: its event time is when it was ingested. */
    private static NewsItem undated(String id, String text, Instant ingestedAt) {
        return NewsItem.newBuilder(item(id, text, ingestedAt)).setEventTimeSource(EventTimeSource.INGESTED).build();
    }

    @Test
    void shouldEnrichAnItemWithItsPositionStoryAndRuleVersion() {
        publish(item("nypd-1", NYPD_REFUSAL, T0));

        EnrichedNewsItem result = enriched.readValue();

        assertThat(result.getItemId()).isEqualTo("nypd-1");
        assertThat(result.getStoryId()).startsWith("story-");
        assertThat(result.getRuleVersion()).isEqualTo(rules.version());
        assertThat(result.getPositions()).anySatisfy(position -> {
            assertThat(position.getActorId()).isEqualTo("NYPD");
            assertThat(position.getLevel()).isEqualTo(GovernmentLevel.LOCAL);
            assertThat(position.getStance()).isEqualTo(Stance.RESIST);
            assertThat(position.getTopic()).isEqualTo(PolicyTopic.COOPERATION);
        });
    }

    @Test
    void shouldFindTheConflictWhenTheResistingItemArrivesSecond() {
        publish(item("doj-1", DOJ_ORDER, T0));
        publish(item("nypd-1", NYPD_REFUSAL, T0.plus(Duration.ofHours(5))));

        List<PolicyConflict> found = conflicts.readValuesToList();

        assertThat(found).singleElement().satisfies(conflict -> {
            assertThat(conflict.getTopic()).isEqualTo(PolicyTopic.COOPERATION);
            assertThat(conflict.getPressing().getItemId()).isEqualTo("doj-1");
            assertThat(conflict.getResisting().getItemId()).isEqualTo("nypd-1");
            assertThat(conflict.getScore()).isBetween(0.0, 1.0);
            assertThat(conflict.getExplanation()).isNotBlank();
        });
    }

    @Test
    void shouldFindTheSameConflictWhenThePressingItemArrivesSecond() {
        publish(item("nypd-1", NYPD_REFUSAL, T0.plus(Duration.ofHours(5))));
        publish(item("doj-1", DOJ_ORDER, T0));
        String idResistingFirst = conflicts.readValue().getConflictId();
        closeDriver();
        startDriver();

        publish(item("doj-1", DOJ_ORDER, T0));
        publish(item("nypd-1", NYPD_REFUSAL, T0.plus(Duration.ofHours(5))));

        assertThat(conflicts.readValue().getConflictId()).isEqualTo(idResistingFirst);
    }

    @Test
    void shouldKeepEveryTargetOfOneItemWhenItTargetsAStateAndOneOfItsCities() {
        publish(item("doj-suit", "Federal lawyers from the Justice Department filed suit against the state of "
                + "Illinois and the city of Chicago over sanctuary laws that keep local police out of immigration "
                + "enforcement.", T0));
        publish(item("il-gov", "Illinois Gov. JB Pritzker said state police will not take part in immigration raids.",
                T0.plus(Duration.ofHours(3))));

        assertThat(conflicts.readValuesToList()).singleElement().satisfies(conflict -> {
            assertThat(conflict.getPressing().getItemId()).isEqualTo("doj-suit");
            assertThat(conflict.getResisting().getItemId()).isEqualTo("il-gov");
        });
    }

    @Test
    void shouldNotPairTwoFederalPositions() {
        publish(item("doj-1", DOJ_ORDER, T0));
        publish(item("dhs-1", DHS_ORDER, T0.plus(Duration.ofHours(1))));

        assertThat(conflicts.isEmpty()).isTrue();
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void shouldNotPairTwoLocalPositions() {
        publish(item("nypd-1", NYPD_REFUSAL, T0));
        publish(item("chi-1", CHICAGO_REFUSAL, T0.plus(Duration.ofHours(1))));

        assertThat(conflicts.isEmpty()).isTrue();
    }

    @Test
    void shouldPairStoriesWhosePeriodsMeetAtTheLastDayOfTheWindowButNotAfter() {
        // the DOJ story is in force until the end of its day plus the 30-day window: up to 2025-03-05T23:59:59.999Z
        Instant endOfPeriod = Instant.parse("2025-03-06T00:00:00Z");
        publish(item("doj-1", DOJ_ORDER, T0));
        publish(item("nypd-edge", NYPD_REFUSAL, endOfPeriod.minusMillis(1)));
        publish(item("chi-beyond", CHICAGO_REFUSAL, endOfPeriod));

        assertThat(conflicts.readValuesToList())
                .extracting(conflict -> conflict.getResisting().getItemId())
                .containsExactly("nypd-edge");
    }

    @Test
    void shouldPairADatedStoryWithAnUndatedOneIngestedLongAfterItsPeriod() {
        // a replay of history: the NYPD article carried no date, so its event time is the replay's, after the window
        publish(item("doj-1", DOJ_ORDER, T0));
        publish(undated("nypd-undated", NYPD_REFUSAL, AFTER_THE_WINDOW));

        assertThat(conflicts.readValuesToList()).singleElement().satisfies(conflict -> {
            assertThat(conflict.getPressing().getItemId()).isEqualTo("doj-1");
            assertThat(conflict.getResisting().getItemId()).isEqualTo("nypd-undated");
            assertThat(conflict.getPressingStory().getUndated()).isFalse();
            assertThat(conflict.getResistingStory().getUndated()).isTrue();
        });
    }

    @Test
    void shouldNotPairTwoDatedStoriesFurtherApartThanTheWindow() {
        publish(item("doj-1", DOJ_ORDER, T0));
        publish(item("nypd-dated", NYPD_REFUSAL, AFTER_THE_WINDOW));

        assertThat(conflicts.isEmpty()).isTrue();
    }

    @Test
    void shouldKeepTheConflictOfAStoryWithAnUndatedReportWhetherItsDatedReportCameFirstOrLast() {
        publish(item("doj-1", DOJ_ORDER, T0));
        publish(undated("nypd-undated", NYPD_REFUSAL, AFTER_THE_WINDOW));
        publish(item("nypd-dated", NYPD_REFUSAL_OTHER_OUTLET, AFTER_THE_WINDOW));
        List<PolicyConflict> undatedFirst = conflicts.readValuesToList();
        restartDriver();
        publish(item("doj-1", DOJ_ORDER, T0));
        publish(item("nypd-dated", NYPD_REFUSAL_OTHER_OUTLET, AFTER_THE_WINDOW));
        publish(undated("nypd-undated", NYPD_REFUSAL, AFTER_THE_WINDOW));
        List<PolicyConflict> datedFirst = conflicts.readValuesToList();

        assertThat(undatedFirst).isNotEmpty();
        assertThat(datedFirst).isNotEmpty();
        assertThat(datedFirst.get(datedFirst.size() - 1)).isEqualTo(undatedFirst.get(undatedFirst.size() - 1));
    }

    @Test
    void shouldRaiseOneAlertPerConflictAndFoldLaterArticlesOfTheSameStoriesIntoIt() {
        publish(item("doj-1", DOJ_ORDER, T0));
        publish(item("nypd-1", NYPD_REFUSAL, T0.plus(Duration.ofHours(1))));
        publish(item("nypd-2", NYPD_REFUSAL_OTHER_OUTLET, T0.plus(Duration.ofHours(2))));

        List<TestRecord<String, PolicyConflict>> states = conflicts.readRecordsToList();
        List<ConflictAlert> raised = alerts.readValuesToList();

        assertThat(states).hasSize(2);
        assertThat(states.get(1).key()).isEqualTo(states.get(0).key());
        PolicyConflict latest = states.get(1).value();
        assertThat(latest.getArticleIds()).containsExactly("doj-1", "nypd-1", "nypd-2");
        assertThat(latest.getResistingStory().getArticleCount()).isEqualTo(2);
        assertThat(latest.getPressingStory().getArticleCount()).isEqualTo(1);
        assertThat(latest.getResistingStory().getReports()).extracting(StoryArticle::getItemId)
                .containsExactly("nypd-1", "nypd-2");
        assertThat(latest.getResisting().getItemId()).isEqualTo("nypd-1");
        assertThat(raised).singleElement().satisfies(alert -> {
            assertThat(alert.getKind()).isEqualTo(AlertKind.NEW_CONFLICT);
            assertThat(alert.getConflictId()).isEqualTo(states.get(0).key());
        });
    }

    @Test
    void shouldRewriteAConflictOnlyWhenACountDoublesOnceTheEarliestTenAreKnown() {
        publish(item("doj-1", DOJ_ORDER, T0));
        for (int i = 1; i <= 11; i++) {
            publish(item("nypd-" + i, NYPD_REFUSAL, T0.plus(Duration.ofMinutes(i))));
        }
        conflicts.readValuesToList();
        // reports 12 to 15 are later than the ten representatives and leave the count at 8
        for (int i = 12; i <= 15; i++) {
            publish(item("nypd-" + i, NYPD_REFUSAL, T0.plus(Duration.ofMinutes(i))));
        }
        assertThat(conflicts.isEmpty()).isTrue();

        publish(item("nypd-16", NYPD_REFUSAL, T0.plus(Duration.ofMinutes(16))));

        assertThat(conflicts.readValuesToList()).singleElement()
                .satisfies(c -> assertThat(c.getResistingStory().getArticleCount()).isEqualTo(16));
        assertThat(alerts.readValuesToList()).hasSize(1);
    }

    @Test
    void shouldAcceptAHeadlineOnlyItemAndReadItsHeadline() {
        publish(aNewsItem().setId("doj-title").setHeadline(DOJ_ORDER).setText("").build());
        publish(item("nypd-1", NYPD_REFUSAL, T0.plus(Duration.ofHours(1))));

        assertThat(enriched.readValuesToList()).extracting(EnrichedNewsItem::getItemId)
                .containsExactly("doj-title", "nypd-1");
        assertThat(conflicts.readValue().getPressing().getItemId()).isEqualTo("doj-title");
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    @Test
    void shouldSendAnItemWithAHeadlineOverTheLimitToTheDeadLetterTopicAndGoOn() {
        publish(aNewsItem().setId("huge-title").setHeadline("A".repeat(700_000)).build());
        publish(item("nypd-1", NYPD_REFUSAL, T0));

        assertThat(header(deadLetters.readRecord(), "__streams.errors.message"))
                .contains("huge-title").contains("700000 characters of headline");
        assertThat(enriched.readValuesToList()).extracting(EnrichedNewsItem::getItemId).containsExactly("nypd-1");
    }

    @Test
    void shouldSkipBytesThatAreNotAvroAndGoOnWithTheNextRecord() {
        // the dead-letter record of a deserialization failure is produced only by a real client (see DeadLetterIT):
        // TopologyTestDriver runs the handler but does not capture its dead-letter records
        rawItems.pipeInput("bad-1".getBytes(StandardCharsets.UTF_8), "not avro".getBytes(StandardCharsets.UTF_8));
        publish(item("nypd-1", NYPD_REFUSAL, T0));

        assertThat(enriched.readValuesToList()).extracting(EnrichedNewsItem::getItemId).containsExactly("nypd-1");
    }

    @Test
    void shouldSendAnItemWithoutTextToTheDeadLetterTopicWithTheReason() {
        publish(aNewsItem().setId("blank-1").setText("   ").build());

        TestRecord<byte[], byte[]> dead = deadLetters.readRecord();

        assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("blank-1");
        assertThat(header(dead, "__streams.errors.message")).contains("blank-1").contains("no text and no headline");
        assertThat(enriched.isEmpty()).isTrue();
    }

    @Test
    void shouldSendATombstoneToTheDeadLetterTopic() {
        rawItems.pipeInput("gone-1".getBytes(StandardCharsets.UTF_8), (byte[]) null);

        assertThat(header(deadLetters.readRecord(), "__streams.errors.message")).contains("no value");
    }

    @Test
    void shouldSendAnItemOlderThanTheRetentionToTheDeadLetterTopicSayingSo() {
        publish(item("nypd-1", NYPD_REFUSAL, T0.plus(Duration.ofDays(10))));
        publish(item("doj-old", DOJ_ORDER, T0));

        assertThat(header(deadLetters.readRecord(), "__streams.errors.message"))
                .contains("doj-old").contains("more than the retention of 2 days behind stream time");
        assertThat(conflicts.isEmpty()).isTrue();
    }

    @Test
    void shouldFindTheConflictOfAnItemLateByLessThanTheRetention() {
        publish(item("nypd-1", NYPD_REFUSAL, T0.plus(Duration.ofDays(1))));
        publish(item("doj-late", DOJ_ORDER, T0));

        assertThat(conflicts.readValue().getPressing().getItemId()).isEqualTo("doj-late");
        assertThat(deadLetters.isEmpty()).isTrue();
    }

    private static String header(TestRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header " + name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
