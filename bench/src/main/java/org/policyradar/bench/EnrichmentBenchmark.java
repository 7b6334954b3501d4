package org.policyradar.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.policyradar.avro.PolicyPosition;
import org.policyradar.streams.enrich.Enricher;
import org.policyradar.streams.enrich.RuleSet;
import org.policyradar.testkit.SyntheticNews;
import org.policyradar.testkit.SyntheticNews.Article;

/**
 * Items per second of the enrichment ({@link Enricher#positionsOf(String, String)}) on one thread, over a fixed
 * set of synthetic items (200–600 characters, the stance mix of {@link SyntheticNews}, fixed seed), the same
 * sequence on every run. The score is items/s; the target is 100,000 items/s on one core. After each iteration
 * the benchmark thread's CPU time per item is printed too ({@link CpuTime}), the steadier figure on a busy machine.
 */
@State(Scope.Thread)
@Threads(1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
public class EnrichmentBenchmark {

    /** Distinct items cycled through: many more than the rule set has shapes, few enough to stay in cache. */
    static final int ITEMS = 4096;
    static final long SEED = 20250203L;

    private final CpuTime cpu = new CpuTime();
    private Enricher enricher;
    private Article[] articles;
    private int next;

    @Setup
    public void setUp() {
        enricher = new Enricher(RuleSet.loadDefault());
        articles = articles(ITEMS).toArray(Article[]::new);
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        cpu.start();
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        cpu.report("enrichment");
    }

    /** Enriches the next item of the cycle: one operation is one item. */
    @Benchmark
    public List<PolicyPosition> enrichOneItem() {
        cpu.count();
        Article article = articles[next];
        next = (next + 1) % articles.length;
        return enricher.positionsOf(article.headline(), article.text());
    }

    static List<Article> articles(int count) {
        SyntheticNews news = new SyntheticNews(SEED, "enrich", Instant.parse("2025-02-03T09:00:00Z"),
                Duration.ofSeconds(1));
        List<Article> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            result.add(news.next());
        }
        return result;
    }
}
