package org.policyradar.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.policyradar.app.bench.HeapWatcher.HeapStats;

/** The figures of the bench command: percentiles, throughput, ratio, and how the report prints them. */
class PipelineBenchFiguresTest {

    private static final long MS = 1_000_000L;

    private static PipelineBench.Options options(int items, int rate, Duration latencyPhase) {
        return new PipelineBench.Options(items, rate, latencyPhase, 1, 7, Duration.ZERO);
    }

    private static PipelineBench.Options sameStack(int items) {
        return new PipelineBench.Options(items, 1000, Duration.ofSeconds(10), 1, 7, Duration.ZERO,
                PipelineBench.WarmUp.SAME_STACK);
    }

    @Test
    void shouldTakeNearestRankPercentiles() {
        long[] oneToHundredMs = LongStream.rangeClosed(1, 100).map(ms -> ms * MS).toArray();

        LatencyStats stats = LatencyStats.of(oneToHundredMs);

        assertThat(stats.count()).isEqualTo(100);
        assertThat(stats.p50Nanos()).isEqualTo(50 * MS);
        assertThat(stats.p99Nanos()).isEqualTo(99 * MS);
        assertThat(stats.maxNanos()).isEqualTo(100 * MS);
    }

    @Test
    void shouldNotDependOnTheOrderOfTheLatenciesNorChangeThem() {
        long[] shuffled = {9 * MS, 1 * MS, 5 * MS, 3 * MS, 7 * MS};

        LatencyStats stats = LatencyStats.of(shuffled);

        assertThat(stats.p50Nanos()).isEqualTo(5 * MS);
        assertThat(stats.p99Nanos()).isEqualTo(9 * MS);
        assertThat(shuffled).containsExactly(9 * MS, 1 * MS, 5 * MS, 3 * MS, 7 * MS);
    }

    @Test
    void shouldTakeTheOnlyValueForEveryPercentileOfOne() {
        LatencyStats stats = LatencyStats.of(new long[] {42 * MS});

        assertThat(stats.p50Nanos()).isEqualTo(42 * MS);
        assertThat(stats.p99Nanos()).isEqualTo(42 * MS);
    }

    @Test
    void shouldRefuseToSummariseNoLatencies() {
        assertThatThrownBy(() -> LatencyStats.of(new long[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldComputeItemsPerSecondAndTheirRatio() {
        Throughput raw = new Throughput(20_000, 2_000_000_000L);
        Throughput pipeline = new Throughput(20_000, 8_000_000_000L);

        assertThat(raw.perSecond()).isEqualTo(10_000.0);
        assertThat(pipeline.perSecond()).isEqualTo(2_500.0);
        assertThat(pipeline.ratioTo(raw)).isEqualTo(0.25);
    }

    @Test
    void shouldFormatTheRatioWithTwoDecimalsAndADot() {
        assertThat(Throughput.formatRatio(0.25)).isEqualTo("0.25");
        assertThat(Throughput.formatRatio(1.0 / 3)).isEqualTo("0.33");
        assertThat(Throughput.formatRatio(0.666)).isEqualTo("0.67");
        assertThat(Throughput.formatRatio(2)).isEqualTo("2.00");
    }

    @Test
    void shouldRefuseAThroughputWithoutItemsOrTime() {
        assertThatThrownBy(() -> new Throughput(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Throughput(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldPrintEveryFigureAndEndWithTheRatioLine() {
        BenchReport report = new BenchReport(
                options(20_000, 1000, Duration.ofSeconds(10)),
                2000, new WarmUpRounds.PerPath(new WarmUpRounds.Result(2, 0.04), new WarmUpRounds.Result(1, 0.08),
                        new WarmUpRounds.Result(5, 0.23)), 612.4, "acks=all, enable.idempotence=true, compression.type=zstd, linger.ms=5",
                new Throughput(20_000, 2_000_000_000L), new Throughput(20_000, 4_000_000_000L),
                new Throughput(20_000, 8_000_000_000L), 321,
                new PipelineBench.CatchUp(true, Duration.ofMillis(12_300)),
                new LatencyStats(10_000, 120 * MS, 480 * MS, 900 * MS), 998.7, List.of(100L, 110L, 105L, 108L),
                new HeapStats(800L << 20, 300L << 20, 6144L << 20, 40, 1500), 2);

        List<String> lines = report.lines();

        assertThat(String.join("\n", lines))
                .contains("20000 items (+2000 warm-up)")
                .contains("mean record 612 bytes")
                .contains("acks=all")
                .contains("read_committed")
                .contains("raw Kafka round trip:  20000 in 2.00 s = 10000 /s")
                .contains("warm-up: rounds of 2000 items through each path on an embedded stack of its own until the "
                        + "JIT compiler used at most 10% of a round's CPU (at most 5): raw 2 rounds (JIT 4% of the "
                        + "last), pass-through 1 round (JIT 8% of the last), pipeline 5 rounds (JIT 23% of the last)")
                .contains("exactly-once pass-through: 20000 in 4.00 s = 5000 /s items")
                .contains("full pipeline:         20000 in 8.00 s = 2500 /s")
                .contains("pass-through/raw:      0.50")
                .contains("pipeline/pass-through: 0.50")
                .contains("pipeline/raw:          0.25")
                .contains("321 conflict records")
                .contains("caught up:             12.3 s after the last item was enriched")
                .contains("latency at 1000 items/s for 10 s (10000 items, sent at 999 /s): p50 120.0 ms, "
                        + "p99 480.0 ms, max 900.0 ms")
                .contains("100 / 110 / 105 / 108 MiB")
                .contains("peak heap used 800 MiB, peak after GC 300 MiB (max 6144 MiB); 40 GCs taking 1.50 s");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("ratio=0.25");
    }

    @Test
    void shouldPrintTheProcessCpuPerItemOfBothPathsWhenMeasured() {
        BenchReport report = new BenchReport(
                options(10_000, 1000, Duration.ofSeconds(5)), 1000, WarmUpRounds.PerPath.NONE, 550, "acks=all",
                new Throughput(10_000, 1_000_000_000L, 400_000_000L, 100_000_000L),
                new Throughput(10_000, 2_000_000_000L, 1_600_000_000L, 500_000_000L),
                new Throughput(10_000, 5_000_000_000L, 8_000_000_000L, 3_000_000_000L), 0,
                new PipelineBench.CatchUp(true, Duration.ZERO), new LatencyStats(5000, MS, 2 * MS, 3 * MS),
                1000, List.of(1L, 1L, 1L, 1L), new HeapStats(1, 1, -1, 0, 0), 2);

        assertThat(report.lines()).contains("CPU of the whole process: raw 40 µs per record (JIT compiling 10), "
                + "pipeline 800 µs per item (JIT compiling 300): 20.0×, on 2 cores");
        assertThat(report.lines()).contains("CPU of the whole process: pass-through 160 µs per item (JIT compiling "
                + "50): 4.0× raw; pipeline 5.0× pass-through");
        assertThat(report.lines().get(report.lines().size() - 1)).isEqualTo("ratio=0.20");
    }

    @Test
    void shouldLeaveOutTheCpuLineWhenTheJvmDoesNotReportIt() {
        BenchReport report = new BenchReport(
                options(300, 100, Duration.ofSeconds(2)), 100, WarmUpRounds.PerPath.NONE, 550, "acks=all",
                new Throughput(300, 100_000_000L, -1, -1), new Throughput(300, 200_000_000L),
                new Throughput(300, 1_000_000_000L), 0,
                new PipelineBench.CatchUp(true, Duration.ZERO), new LatencyStats(200, MS, 2 * MS, 3 * MS),
                100, List.of(1L, 1L, 1L, 1L), new HeapStats(1, 1, -1, 0, 0), 2);

        assertThat(report.lines()).noneMatch(line -> line.startsWith("CPU"));
    }

    @Test
    void shouldSayWhenTheLatencyPhaseStartedBehindABacklog() {
        BenchReport report = new BenchReport(
                options(300, 100, Duration.ofSeconds(2)), 100, WarmUpRounds.PerPath.NONE, 550, "acks=all",
                new Throughput(300, 100_000_000L), new Throughput(300, 200_000_000L),
                new Throughput(300, 1_000_000_000L), 0,
                new PipelineBench.CatchUp(false, Duration.ofSeconds(60)), new LatencyStats(200, MS, 2 * MS, 3 * MS),
                100, List.of(1L, 1L, 1L, 1L), new HeapStats(1, 1, -1, 0, 0), 2);

        assertThat(report.lines()).contains("caught up:             no, still busy after 60 s; the latency phase "
                + "starts behind a backlog");
        assertThat(report.lines()).noneMatch(line -> line.startsWith("note:"));
    }

    @Test
    void shouldRefuseOptionsThatCannotBeRun() {
        assertThatThrownBy(() -> new PipelineBench.Options(10, 10, Duration.ofSeconds(1), 1, 1, Duration.ofSeconds(-1)))
                .hasMessageContaining("catch-up");
        assertThatThrownBy(() -> options(0, 1000, Duration.ofSeconds(10)))
                .hasMessageContaining("--items");
        assertThatThrownBy(() -> options(10, 0, Duration.ofSeconds(10)))
                .hasMessageContaining("--rate");
        assertThatThrownBy(() -> options(10, 10, Duration.ofMillis(10)))
                .hasMessageContaining("latency phase");
        assertThatThrownBy(() -> new PipelineBench.Options(10, 10, Duration.ofSeconds(1), 1, 1, Duration.ZERO,
                PipelineBench.WarmUp.SEPARATE_STACK, 0))
                .hasMessageContaining("--warm-up-rounds");
    }

    @Test
    void shouldSayWhereTheWarmUpRanWhenItSharedTheTimedStack() {
        BenchReport report = new BenchReport(
                new PipelineBench.Options(10_000, 1000, Duration.ofSeconds(5), 1, 7, Duration.ZERO,
                        PipelineBench.WarmUp.SAME_STACK), 1000, WarmUpRounds.PerPath.NONE, 550, "acks=all",
                new Throughput(300, 100_000_000L), new Throughput(300, 200_000_000L),
                new Throughput(300, 1_000_000_000L), 0,
                new PipelineBench.CatchUp(true, Duration.ZERO), new LatencyStats(200, MS, 2 * MS, 3 * MS),
                100, List.of(1L, 1L, 1L, 1L), new HeapStats(1, 1, -1, 0, 0), 2);

        assertThat(report.lines()).contains("warm-up: 1000 items through each path on its timed topics just before "
                + "the timed items (the pipeline's warm-up stories stay open)");
    }

    @Test
    void shouldSizeTheWarmUpAsTheTimedItemsUpToTenThousandOnASeparateStack() {
        assertThat(options(300, 100, Duration.ofSeconds(2)).warmUpItems()).isEqualTo(300);
        assertThat(options(10_000, 100, Duration.ofSeconds(2)).warmUpItems()).isEqualTo(10_000);
        assertThat(options(1_000_000, 100, Duration.ofSeconds(2)).warmUpItems()).isEqualTo(10_000);
    }

    @Test
    void shouldSizeWarmUpAndLatencyPhasesFromTheOptions() {
        assertThat(sameStack(300).warmUpItems()).isEqualTo(100);
        assertThat(sameStack(20_000).warmUpItems()).isEqualTo(2000);
        assertThat(sameStack(1_000_000).warmUpItems()).isEqualTo(2000);
        assertThat(options(20_000, 1000, Duration.ofSeconds(10)).latencyItems())
                .isEqualTo(10_000);
    }
}
