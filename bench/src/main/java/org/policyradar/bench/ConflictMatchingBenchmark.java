package org.policyradar.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.commons.io.FileUtils;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.policyradar.avro.EnrichedNewsItem;
import org.policyradar.avro.NewsItem;
import org.policyradar.avro.PolicyTopic;
import org.policyradar.avro.Stance;
import org.policyradar.avro.StoryState;
import org.policyradar.registry.client.SchemaRegistryClientConfig;
import org.policyradar.registry.server.InMemorySchemaStore;
import org.policyradar.registry.server.SchemaRegistryServer;
import org.policyradar.streams.enrich.Enricher;
import org.policyradar.streams.enrich.RuleSet;
import org.policyradar.streams.story.StoryFold;
import org.policyradar.streams.topology.DetectionSettings;
import org.policyradar.streams.topology.PipelineSerdes;
import org.policyradar.streams.topology.PolicyRadarTopology;
import org.policyradar.streams.topology.StreamsSettings;
import org.policyradar.streams.topology.TopologyNames.InternalResources;
import org.policyradar.testkit.SyntheticNews;
import org.policyradar.testkit.SyntheticNews.Place;
import org.policyradar.topics.Topics;

/**
 * The per-item cost of the production topology ({@link PolicyRadarTopology#build}) for one more report of a
 * known story, as the story's reports grow ({@code reportsPerStory} 10 → 1,000) and as the open stories of its
 * topic grow ({@code openStories} 100 → 10,000): one news item piped through {@link TopologyTestDriver}, with
 * serdes on a real (in-memory) registry, exactly-once settings from {@link StreamsSettings}, and RocksDB stores.
 *
 * <p>The probe story (a Denver refusal, resisting on COOPERATION) is built by piping {@code reportsPerStory}
 * reports; a nationwide pressing story gives it one conflict. The other open stories are written straight into
 * the story stores (piping 10,000 distinct stories would need 10,000 signatures): on the probe's topic, half
 * pressing on cities elsewhere (evaluated, no conflict), half resisting. Each probe is one more report, later the
 * same day: it updates the story; only when its count passes a power of two is the story matched again against
 * every open story of its topic, so that cost is included, amortised, as it is in production.
 *
 * <p>TopologyTestDriver commits after every record, which flushes caches and RocksDB memtables each time; a real
 * application commits every 100 ms, so absolute figures are an upper bound and the growth is what this is for.
 * After each iteration the benchmark thread's CPU time per item is printed too ({@link CpuTime}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class ConflictMatchingBenchmark {

    static final Instant T0 = Instant.parse("2025-06-01T06:00:00Z");
    static final DetectionSettings SETTINGS = DetectionSettings.DEFAULTS;

    /** Reports of the probe story before the first probe. */
    @Param({"10", "100", "1000"})
    public int reportsPerStory;

    /** Open stories on the probe's topic. */
    @Param({"100", "10000"})
    public int openStories;

    private SchemaRegistryServer registry;
    private Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, NewsItem> input;
    private final Map<String, TestOutputTopic<byte[], byte[]>> outputs = new HashMap<>();
    private NewsItem probe;
    private final CpuTime cpu = new CpuTime();
    private long sequence;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        registry = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());
        stateDir = Files.createTempDirectory("policy-radar-bench-");
        Properties props = StreamsSettings.of("policy-radar-bench", "unused:9092", stateDir, Map.of());
        RuleSet rules = RuleSet.loadDefault();
        PipelineSerdes serdes = PipelineSerdes.fromRegistry(Map.of(SchemaRegistryClientConfig.URL, registry.url()));
        driver = new TopologyTestDriver(PolicyRadarTopology.build(props, rules, serdes, SETTINGS), props, T0);
        input = driver.createInputTopic(Topics.NEWS_ITEMS, serdes.key().serializer(), serdes.newsItem().serializer());
        try {
            Enricher enricher = new Enricher(rules);
            SyntheticNews news = new SyntheticNews(7L, "bench", T0, Duration.ZERO);
            fillOpenStories(news, enricher);
            pipe(news.next(Stance.PRESS, PolicyTopic.COOPERATION, place("Phoenix")).toNewsItem(), "press-0", T0);
            NewsItem nationwide = NewsItem.newBuilder(probeTemplate()).setText("The Justice Department ordered "
                    + "federal prosecutors to investigate state and local officials who obstruct immigration "
                    + "enforcement.").setHeadline(null).build();
            pipe(nationwide, "doj-0", T0);
            probe = probeTemplate();
            for (int i = 0; i < reportsPerStory; i++) {
                pipe(probe, "report-" + i, T0.plusSeconds(i + 1));
            }
            drainOutputs();
        } catch (RuntimeException e) {
            tearDown();
            throw e;
        }
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        cpu.start();
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        cpu.report(reportsPerStory + " reports per story, " + openStories + " open stories");
    }

    /** Pipes one more report of the probe story through the whole topology and discards what it produced. */
    @Benchmark
    public int pipeOneReport() {
        cpu.count();
        long n = sequence++;
        // later the same day, whatever the number of probes: milliseconds apart
        pipe(probe, "probe-" + n, T0.plusSeconds(reportsPerStory + 1L).plusMillis(n));
        return drainOutputs();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        driver.close();
        registry.close();
        FileUtils.deleteDirectory(stateDir.toFile());
    }

    private void pipe(NewsItem template, String id, Instant time) {
        NewsItem item = NewsItem.newBuilder(template).setId(id).setPublishedAt(time).setIngestedAt(time).build();
        input.pipeInput(item.getId(), item, time);
    }

    private int drainOutputs() {
        int records = 0;
        for (String topic : driver.producedTopicNames()) {
            TestOutputTopic<byte[], byte[]> output = outputs.computeIfAbsent(topic,
                    t -> driver.createOutputTopic(t, new ByteArrayDeserializer(), new ByteArrayDeserializer()));
            records += output.readRecordsToList().size();
        }
        return records;
    }

    private static NewsItem probeTemplate() {
        return new SyntheticNews(3L, "probe", T0, Duration.ZERO)
                .next(Stance.RESIST, PolicyTopic.COOPERATION, place("Denver")).toNewsItem();
    }

    /** Open stories on COOPERATION, as the story steps would have kept them, under fabricated story ids. */
    private void fillOpenStories(SyntheticNews news, Enricher enricher) {
        KeyValueStore<String, StoryState> stories = driver.getKeyValueStore(InternalResources.STORIES_STORE);
        KeyValueStore<String, StoryState> byTopic = driver.getKeyValueStore(InternalResources.TOPIC_STORIES_STORE);
        List<Place> elsewhere = SyntheticNews.PLACES.stream().filter(p -> !p.state().equals("CO")).toList();
        for (int i = 0; i < openStories; i++) {
            Stance stance = i % 2 == 0 ? Stance.PRESS : Stance.RESIST;
            NewsItem item = news.next(stance, PolicyTopic.COOPERATION, elsewhere.get(i % elsewhere.size()))
                    .toNewsItem();
            EnrichedNewsItem enriched = EnrichedNewsItem.newBuilder()
                    .setItemId("open-" + i)
                    .setStoryId("story-open-" + i)
                    .setSource(item.getSource())
                    .setHeadline(item.getHeadline())
                    .setText(Enricher.analysedText(item.getHeadline(), item.getText()))
                    .setPublishedAt(T0.minus(Duration.ofDays(1 + i % 30)))
                    .setPositions(enricher.positionsOf(item.getHeadline(), item.getText()))
                    .setRuleVersion("bench")
                    .build();
            if (!StoryFold.matters(enriched)) {
                throw new IllegalStateException("a synthetic " + stance + " item takes no conflict position: "
                        + item.getText());
            }
            StoryState state = StoryFold.add(null, StoryFold.slim(enriched));
            stories.put("story-open-" + i, state);
            byTopic.put(PolicyTopic.COOPERATION + "|story-open-" + i, StoryFold.coarse(state));
        }
    }

    private static Place place(String city) {
        return SyntheticNews.PLACES.stream().filter(p -> p.name().equals(city)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no synthetic place " + city));
    }
}
