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
import java.util.TreeSet;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.avro.ConflictAlert;
import org.policyradar.avro.EventTimeSource;
import org.policyradar.avro.NewsItem;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.streams.enrich.RuleSet;
import org.policyradar.testkit.InMemoryRegistry;

/**
 * Any arrival order gives the same answer: the team's labelled corpora (seed and evaluation news, 113 items),
 * dated over five months, run through the production topology in sorted order, in reverse and in many seeded
 * random orders, must leave the same final value of every conflict on policy.conflicts.v1 and the same alerts.
 */
class ConflictPermutationTest {

    private static final Instant START = Instant.parse("2025-06-02T00:00:00Z");
    /** A 30-day window over five months of news, so that some stories meet and others do not. */
    private static final DetectionSettings SETTINGS = new DetectionSettings(Duration.ofDays(30), Duration.ofDays(200));
    private static final int SHUFFLES = 24;

    @RegisterExtension
    static final InMemoryRegistry REGISTRY = new InMemoryRegistry();
    private static RuleSet rules;
    private static List<NewsItem> corpus;

    @TempDir
    Path stateDir;

    @BeforeAll
    static void setUp() throws IOException {
        rules = RuleSet.loadDefault();
        corpus = new ArrayList<>();
        corpus.addAll(dated("seed-news.txt", "s", 0));
        corpus.addAll(dated("eval-news.txt", "e", 11));
    }

    @Test
    void shouldLeaveTheSameConflictsAndAlertsInEveryArrivalOrder() throws IOException {
        List<NewsItem> sorted = new ArrayList<>(corpus);
        sorted.sort((a, b) -> a.getPublishedAt().compareTo(b.getPublishedAt()));
        Outcome expected = run(sorted, "sorted");
        assertThat(expected.conflicts()).hasSizeGreaterThan(10);
        // the window matters: pairs of stories months apart are not conflicts
        assertThat(expected.conflicts().size()).isLessThan(run(sorted, "wide", new DetectionSettings(
                Duration.ofDays(365), Duration.ofDays(200))).conflicts().size());

        List<NewsItem> reversed = new ArrayList<>(sorted);
        Collections.reverse(reversed);
        assertThat(run(reversed, "reversed")).as("reverse order").isEqualTo(expected);
        System.out.printf("permutations: %d items, %d conflicts, %d alerts, identical in sorted, reverse and %d "
                + "shuffled orders%n", corpus.size(), expected.conflicts().size(), expected.alerts().size(), SHUFFLES);
        for (int seed = 1; seed <= SHUFFLES; seed++) {
            List<NewsItem> shuffled = new ArrayList<>(corpus);
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(run(shuffled, "shuffled-" + seed)).as("shuffled with seed %d", seed).isEqualTo(expected);
        }
    }

    /** The final conflict table and the alerts (ids, kinds and topics: what a new conflict is) of a run. */
    record Outcome(Map<String, PolicyConflict> conflicts, TreeSet<String> alerts) {
    }

    private Outcome run(List<NewsItem> order, String name) throws IOException {
        return run(order, name, SETTINGS);
    }

    private Outcome run(List<NewsItem> order, String name, DetectionSettings settings) throws IOException {
        try (TopologyRun run = new TopologyRun(REGISTRY.url(), rules, settings,
                Files.createDirectories(stateDir.resolve(name)), START)) {
            // each record is stamped with its event time: TopologyTestDriver runs all sub-topologies in one task,
            // so record timestamps of the input would otherwise be the stories' stream time too
            run.publish(order);
            Map<String, PolicyConflict> latest = new TreeMap<>();
            for (TestRecord<String, PolicyConflict> record : run.conflictRecords()) {
                latest.put(record.key(), record.value());
            }
            TreeSet<String> alerts = new TreeSet<>();
            for (ConflictAlert alert : run.alerts()) {
                assertThat(alerts.add(alert.getAlertId() + " " + alert.getKind() + " " + alert.getTopic()))
                        .as("one alert per new conflict").isTrue();
            }
            assertThat(alerts).hasSameSizeAs(latest.keySet());
            return new Outcome(latest, alerts);
        }
    }

    /**
     * The corpus as items spread over five months: line {@code i} is dated {@code (i * 37) mod 150} days and
     * {@code i} hours after the start, so that neighbouring lines (often one story) lie weeks apart.
     */
    private static List<NewsItem> dated(String resource, String prefix, int offset) throws IOException {
        try (InputStream in = ConflictPermutationTest.class.getClassLoader().getResourceAsStream("corpus/" + resource)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            List<NewsItem> items = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                int n = offset + i;
                Instant published = START.plus(Duration.ofDays((n * 37L) % 150)).plus(Duration.ofHours(n));
                items.add(NewsItem.newBuilder()
                        .setId(prefix + (i + 1))
                        .setSource("corpus-" + (n % 7))
                        .setUrl(null)
                        .setHeadline(null)
                        .setText(lines[i].strip())
                        .setLanguage("en")
                        .setPublishedAt(published)
                        .setEventTimeSource(EventTimeSource.PUBLISHED)
                        .setIngestedAt(published)
                        .setAttributes(Map.of())
                        .build());
            }
            return items;
        }
    }
}
