package org.policyradar.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.WindowStore;
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
import org.policyradar.app.bench.SyntheticNews;
import org.policyradar.app.bench.SyntheticNews.Article;
import org.policyradar.app.bench.SyntheticNews.Place;
import org.policyradar.avro.ConflictParty;
import org.policyradar.avro.JurisdictionKind;
import org.policyradar.avro.NewsItem;
import org.policyradar.avro.PolicyPosition;
import org.policyradar.avro.PolicyTopic;
import org.policyradar.avro.Stance;
import org.policyradar.registry.server.InMemorySchemaStore;
import org.policyradar.registry.server.SchemaRegistryServer;
import org.policyradar.streams.conflict.ConflictRules;
import org.policyradar.streams.enrich.Enricher;
import org.policyradar.streams.enrich.RuleSet;
import org.policyradar.streams.topology.DetectionSettings;
import org.policyradar.streams.topology.PipelineSerdes;
import org.policyradar.streams.topology.PolicyRadarTopology;
import org.policyradar.streams.topology.StreamsSettings;
import org.policyradar.streams.topology.TopologyNames;
import org.policyradar.topics.Topics;

/**
 * The per-item cost of the production topology ({@link PolicyRadarTopology#build}) as the number of positions
 * already in the window grows: one more news item piped through {@link TopologyTestDriver}, with serdes on a
 * real (in-memory) registry, exactly-once settings from {@link StreamsSettings}, and RocksDB stores.
 *
 * <p>The stores hold {@code population} positions, all inside the conflict window of the probe items:
 * <ul>
 *   <li>40% pressing positions on the probe's topic (COOPERATION) aimed at cities in other states — other
 *       shards, so the probe's range fetch must skip them;</li>
 *   <li>40% resisting positions on the probe's topic in the probe's own shard (Colorado) — the same key range,
 *       but in the resisting store, which a resisting probe does not read;</li>
 *   <li>20% nationwide pressing positions on other topics (sensitive locations, military deployment) — the
 *       nationwide shard every probe reads, but another topic prefix;</li>
 *   <li>plus {@value #PRESSING_IN_PROBE_SHARD} pressing positions in the probe's shard aimed at other Colorado
 *       cities: every resisting probe reads and evaluates them, and none is a conflict (another city), so the
 *       output of every probe is the same whatever the population.</li>
 * </ul>
 * Probes: {@code resisting} is a resisting item in Denver (the path under test: enrich, candidates,
 * repartition, range fetches, rule evaluation, store write); {@code aligning} is an aligning item in Denver,
 * which is enriched and written but never matched — the cost of everything but the matching. The issue's
 * criterion: the resisting probe's cost may not grow more than 2x from 1x to 100x population.
 *
 * <p>The positions are put into the stores directly (piping 100,000 items would take minutes), under the keys
 * the matching processor uses ({@code <topic>|<shard>|<itemId>|<actorId>|<jurisdiction>}); the set-up checks that
 * the probe's own position lands under such a key, so a change of key layout fails the benchmark instead of
 * skewing it.
 * TopologyTestDriver commits after every record, which flushes the RocksDB memtables each time; a real
 * application commits every 100 ms under exactly-once, so absolute figures here are an upper bound and the
 * growth with population is what this benchmark is for. After each iteration the benchmark thread's CPU time per
 * item is printed too ({@link CpuTime}): TopologyTestDriver processes on that thread, so it is the topology's cost
 * without the noise of other processes (RocksDB's background threads excepted).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class ConflictMatchingBenchmark {

    static final int PRESSING_IN_PROBE_SHARD = 4;
    static final Instant T0 = Instant.parse("2025-06-01T00:00:00Z");
    static final DetectionSettings SETTINGS = DetectionSettings.DEFAULTS;
    static final Place PROBE_CITY = place("Denver");
    static final List<Place> OTHER_CITIES_IN_PROBE_STATE = List.of(place("Aurora"), place("Boulder"),
            place("Colorado Springs"));
    static final String NATIONWIDE_SHARD = "US";
    private static final int PROBE_VARIANTS = 256;

    /** Positions in the stores before the first probe. */
    @Param({"1000", "10000", "100000"})
    public int population;

    /** {@code resisting}: matched against the stores; {@code aligning}: the same path without the matching. */
    @Param({"resisting", "aligning"})
    public String probe;

    private SchemaRegistryServer registry;
    private Path stateDir;
    private TopologyTestDriver driver;
    private TestInputTopic<String, NewsItem> input;
    private final Map<String, TestOutputTopic<byte[], byte[]>> outputs = new HashMap<>();
    private NewsItem[] probes;
    private final CpuTime cpu = new CpuTime();
    private long sequence;
    private int lastConflicts;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        registry = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());
        stateDir = Files.createTempDirectory("policy-radar-bench-");
        Properties props = StreamsSettings.of("policy-radar-bench", "unused:9092", stateDir, Map.of());
        RuleSet rules = RuleSet.loadDefault();
        PipelineSerdes serdes = PipelineSerdes.fromRegistry(Map.of("schema.registry.url", registry.url()));
        driver = new TopologyTestDriver(PolicyRadarTopology.build(props, rules, serdes, SETTINGS), props, T0);
        input = driver.createInputTopic(Topics.NEWS_ITEMS, serdes.key().serializer(), serdes.newsItem().serializer());

        try {
            Enricher enricher = new Enricher(rules);
            Population positions = new Population(enricher);
            positions.fill(driver.getWindowStore(TopologyNames.PRESSING_POSITIONS_STORE),
                    driver.getWindowStore(TopologyNames.RESISTING_POSITIONS_STORE), population);
            probes = probes(probe.equals("resisting") ? Stance.RESIST : Stance.ALIGN);
            drainOutputs();
            checkKeyLayout(enricher);
        } catch (RuntimeException e) {
            // JMH skips the tear-down of a failed set-up: leave no registry, driver or state directory behind
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
        cpu.report(probe + " probe, population " + population);
    }

    /** Pipes one more news item through the whole topology and discards what it produced. */
    @Benchmark
    public int pipeOneItem() {
        cpu.count();
        long n = sequence++;
        NewsItem template = probes[(int) (n % probes.length)];
        // a new item each time, one second later in event time: never late, always inside the window
        Instant time = T0.plusSeconds(n + 1);
        NewsItem item = NewsItem.newBuilder(template).setId(probe + "-probe-" + n).setPublishedAt(time)
                .setIngestedAt(time).build();
        input.pipeInput(item.getId(), item, time);
        return drainOutputs();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        driver.close();
        registry.close();
        try (Stream<Path> paths = Files.walk(stateDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private int drainOutputs() {
        int records = 0;
        lastConflicts = 0;
        for (String topic : driver.producedTopicNames()) {
            TestOutputTopic<byte[], byte[]> output = outputs.computeIfAbsent(topic,
                    t -> driver.createOutputTopic(t, new ByteArrayDeserializer(), new ByteArrayDeserializer()));
            int read = output.readRecordsToList().size();
            records += read;
            if (topic.equals(Topics.POLICY_CONFLICTS)) {
                lastConflicts = read;
            }
        }
        return records;
    }

    private NewsItem[] probes(Stance stance) {
        SyntheticNews news = new SyntheticNews(7L, "probe", T0, Duration.ofSeconds(1));
        NewsItem[] result = new NewsItem[PROBE_VARIANTS];
        for (int i = 0; i < result.length; i++) {
            result[i] = news.next(stance, PolicyTopic.COOPERATION, PROBE_CITY).toNewsItem();
        }
        return result;
    }

    /**
     * The probe's resisting position must be stored under the key layout the population was written with, and a
     * probe must find no conflict (so that every probe's output is the same).
     */
    private void checkKeyLayout(Enricher enricher) {
        if (!probe.equals("resisting")) {
            return;
        }
        NewsItem first = probes[0];
        pipeOneItem();
        if (lastConflicts != 0) {
            throw new IllegalStateException("a probe found " + lastConflicts + " conflicts; the population must "
                    + "leave the probe's output constant");
        }
        PolicyPosition position = enricher.positionsOf(first.getHeadline(), first.getText()).stream()
                .filter(ConflictRules::isResisting)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the probe item is not read as resisting: "
                        + first.getText()));
        String key = Population.keyOf(position, probe + "-probe-0");
        WindowStore<String, ConflictParty> resisting = driver.getWindowStore(TopologyNames.RESISTING_POSITIONS_STORE);
        if (resisting.fetch(key, T0.plusSeconds(1).toEpochMilli()) == null) {
            throw new IllegalStateException("the matching processor no longer stores positions under <topic>|<shard>|"
                    + "<itemId>|<actorId>|<jurisdiction> (no entry " + key + "): update Population.keyOf before "
                    + "trusting this benchmark");
        }
    }

    private static Place place(String city) {
        return SyntheticNews.PLACES.stream().filter(p -> p.name().equals(city)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no synthetic place " + city));
    }

    /** Positions written straight into the window stores, as the matching processor would have kept them. */
    static final class Population {

        private static final int SHAPES = 64;
        private final Enricher enricher;
        private final SyntheticNews news = new SyntheticNews(11L, "population", T0, Duration.ZERO);

        Population(Enricher enricher) {
            this.enricher = enricher;
        }

        void fill(WindowStore<String, ConflictParty> pressing, WindowStore<String, ConflictParty> resisting,
                  int size) {
            List<Place> otherStates = SyntheticNews.PLACES.stream()
                    .filter(p -> !p.state().equals(PROBE_CITY.state()))
                    .toList();
            List<ConflictParty> pressingElsewhere = shapes(Stance.PRESS, PolicyTopic.COOPERATION, otherStates,
                    ConflictRules::isPressing);
            List<ConflictParty> resistingHere = shapes(Stance.RESIST, PolicyTopic.COOPERATION,
                    List.of(PROBE_CITY), ConflictRules::isResisting);
            List<ConflictParty> otherTopics = new ArrayList<>(nationwide(PolicyTopic.SENSITIVE_LOCATIONS));
            otherTopics.addAll(shapes(Stance.PRESS, PolicyTopic.MILITARY_DEPLOYMENT, otherStates,
                    ConflictRules::isPressing));
            long window = SETTINGS.conflictWindow().toMillis();
            for (int i = 0; i < size; i++) {
                // spread over the 60 days before the probes: all inside the 90-day conflict window
                long time = T0.toEpochMilli() - (long) ((i + 1) * (0.66 * window / size));
                int kind = i % 5;
                if (kind < 2) {
                    put(pressing, pressingElsewhere.get(i % pressingElsewhere.size()), "pop-p-" + i, time);
                } else if (kind < 4) {
                    put(resisting, resistingHere.get(i % resistingHere.size()), "pop-r-" + i, time);
                } else {
                    put(pressing, otherTopics.get(i % otherTopics.size()), "pop-o-" + i, time);
                }
            }
            List<ConflictParty> inProbeShard = shapes(Stance.PRESS, PolicyTopic.COOPERATION,
                    OTHER_CITIES_IN_PROBE_STATE, ConflictRules::isPressing);
            for (int i = 0; i < PRESSING_IN_PROBE_SHARD; i++) {
                put(pressing, inProbeShard.get(i % inProbeShard.size()), "pop-shard-" + i,
                        T0.toEpochMilli() - Duration.ofDays(1 + i).toMillis());
            }
        }

        private static void put(WindowStore<String, ConflictParty> store, ConflictParty shape, String itemId,
                                long time) {
            ConflictParty party = ConflictParty.newBuilder(shape)
                    .setItemId(itemId)
                    .setStoryId("story-" + itemId)
                    .setPublishedAt(Instant.ofEpochMilli(time))
                    .build();
            store.put(keyOf(party.getPosition(), itemId), party, time);
        }

        /** Parties of one kind: enriched synthetic articles reduced to their one position at stake. */
        private List<ConflictParty> shapes(Stance stance, PolicyTopic topic, List<Place> places,
                                           Predicate<PolicyPosition> atStake) {
            List<ConflictParty> shapes = new ArrayList<>();
            for (int i = 0; shapes.size() < SHAPES && i < SHAPES * 4; i++) {
                Article article = news.next(stance, topic, places.get(i % places.size()));
                partyOf(article, atStake).ifPresent(shapes::add);
            }
            if (shapes.isEmpty()) {
                throw new IllegalStateException("no synthetic " + stance + " article on " + topic
                        + " is read as such by the rules");
            }
            return shapes;
        }

        private List<ConflictParty> nationwide(PolicyTopic topic) {
            List<ConflictParty> shapes = new ArrayList<>();
            for (int i = 0; shapes.size() < SHAPES && i < 20_000; i++) {
                Article article = news.next();
                if (article.intended() == Stance.PRESS && article.topic() == topic && article.place() == null) {
                    partyOf(article, ConflictRules::isPressing).ifPresent(shapes::add);
                }
            }
            if (shapes.isEmpty()) {
                throw new IllegalStateException("no synthetic nationwide article on " + topic);
            }
            return shapes;
        }

        private java.util.Optional<ConflictParty> partyOf(Article article,
                                                          Predicate<PolicyPosition> atStake) {
            String text = Enricher.analysedText(article.headline(), article.text());
            return enricher.positionsOf(article.headline(), article.text()).stream()
                    .filter(atStake)
                    .findFirst()
                    .map(position -> ConflictParty.newBuilder()
                            .setItemId(article.id())
                            .setStoryId("story-" + article.id())
                            .setHeadline(article.headline())
                            .setText(text)
                            .setPublishedAt(article.publishedAt())
                            .setPosition(position)
                            .build());
        }

        /** The matching processor's store key: one shard's positions on one topic are one key range. */
        static String keyOf(PolicyPosition position, String itemId) {
            return position.getTopic().name() + "|" + shardOf(position) + "|" + itemId + "|" + position.getActorId()
                    + "|" + position.getJurisdiction().getCode();
        }

        private static String shardOf(PolicyPosition position) {
            if (ConflictRules.isPressing(position)
                    && position.getJurisdiction().getKind() == JurisdictionKind.NATIONWIDE) {
                return NATIONWIDE_SHARD;
            }
            String state = position.getJurisdiction().getState();
            return state != null && !state.isBlank() ? state : "??";
        }
    }
}
