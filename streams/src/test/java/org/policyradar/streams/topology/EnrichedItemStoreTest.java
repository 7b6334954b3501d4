package org.policyradar.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyradar.testkit.NewsItems.DOJ_ORDER;
import static org.policyradar.testkit.NewsItems.NYPD_REFUSAL;
import static org.policyradar.testkit.NewsItems.T0;
import static org.policyradar.testkit.NewsItems.item;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.avro.EnrichedNewsItem;
import org.policyradar.avro.NewsItem;
import org.policyradar.streams.enrich.RuleSet;
import org.policyradar.streams.topology.TopologyNames.InternalResources;
import org.policyradar.testkit.InMemoryRegistry;
import org.policyradar.testkit.NewsItems;
import org.policyradar.topics.Topics;

/** The enriched-items store that interactive queries read items from, on the production topology. */
class EnrichedItemStoreTest {

    private static final DetectionSettings SETTINGS =
            new DetectionSettings(Duration.ofDays(30), Duration.ofDays(2));
    @RegisterExtension
    static final InMemoryRegistry REGISTRY = new InMemoryRegistry();
    private static RuleSet rules;

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, NewsItem> items;

    @BeforeAll
    static void loadRules() {
        rules = RuleSet.loadDefault();
    }

    @BeforeEach
    void startDriver() {
        Properties props = StreamsSettings.of("item-store-test", "unused:9092", stateDir, Map.of());
        PipelineSerdes serdes = PipelineSerdes.fromRegistry(Map.of("schema.registry.url", REGISTRY.url()));
        driver = new TopologyTestDriver(PolicyRadarTopology.build(props, rules, serdes, SETTINGS), props,
                T0.minus(Duration.ofDays(1)));
        items = driver.createInputTopic(Topics.NEWS_ITEMS, serdes.key().serializer(), serdes.newsItem().serializer());
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private void publish(NewsItem item) {
        items.pipeInput(item.getId(), item, item.getPublishedAt());
    }

    private List<KeyValue<Long, EnrichedNewsItem>> stored(String itemId) {
        WindowStore<String, EnrichedNewsItem> store = driver.getWindowStore(InternalResources.ITEMS_STORE);
        List<KeyValue<Long, EnrichedNewsItem>> found = new ArrayList<>();
        try (WindowStoreIterator<EnrichedNewsItem> entries = store.fetch(itemId, Instant.EPOCH, Instant.ofEpochMilli(Long.MAX_VALUE))) {
            entries.forEachRemaining(found::add);
        }
        return found;
    }

    @Test
    void shouldKeepTheEnrichedItemByItsIdAtItsEventTime() {
        publish(item("nypd-1", NYPD_REFUSAL, T0));
        publish(item("doj-1", DOJ_ORDER, T0.plus(Duration.ofHours(2))));

        assertThat(stored("nypd-1")).singleElement().satisfies(entry -> {
            assertThat(entry.key).isEqualTo(T0.toEpochMilli());
            assertThat(entry.value.getItemId()).isEqualTo("nypd-1");
            assertThat(entry.value.getText()).isEqualTo(NYPD_REFUSAL);
            assertThat(entry.value.getPositions()).anySatisfy(position -> {
                assertThat(position.getActorId()).isEqualTo("NYPD");
                assertThat(position.getEvidence()).isNotEmpty().allSatisfy(evidence ->
                        assertThat(entry.value.getText().substring(evidence.getStart(), evidence.getEnd()))
                                .isEqualTo(evidence.getPhrase()));
            });
        });
        assertThat(stored("doj-1")).singleElement()
                .satisfies(entry -> assertThat(entry.value.getText()).isEqualTo(DOJ_ORDER));
        assertThat(stored("unknown")).isEmpty();
    }

    @Test
    void shouldKeepItemsWithoutAnyPositionToo() {
        publish(item("weather", "Light rain is expected over the weekend across the region.", T0));

        assertThat(stored("weather")).singleElement()
                .satisfies(entry -> assertThat(entry.value.getPositions()).isEmpty());
    }

    @Test
    void shouldForgetAnItemOnceStreamTimeIsPastTheConflictRetention() {
        publish(item("nypd-1", NYPD_REFUSAL, T0));
        Duration retention = SETTINGS.stateRetention();

        publish(item("doj-late", DOJ_ORDER, T0.plus(retention).plus(Duration.ofDays(1))));

        assertThat(stored("nypd-1")).isEmpty();
        assertThat(stored("doj-late")).hasSize(1);
    }
}
