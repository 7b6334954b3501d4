package org.policyradar.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.policyradar.app.bench.HeapWatcher.HeapStats;

/**
 * The figures of one {@code policy-radar bench} run and how they are printed. The last line is always
 * {@code ratio=<pipeline/raw>} with two decimals, for scripts.
 *
 * @param options          what was run
 * @param warmUpItems      items sent through each path before the timed phases (per round)
 * @param warmUps          with the separate-stack warm-up: how the rounds of each path went
 * @param meanRecordBytes  mean serialized size of a news item (Confluent wire format)
 * @param producerSettings the producer settings every path used, e.g. "acks=all, enable.idempotence=true, ..."
 * @param raw              the raw Kafka round trip
 * @param passThrough      the exactly-once pass-through: the same items copied by a Streams application that does
 *                         nothing else, with the production settings
 * @param pipeline         the full pipeline, news item in to enriched item committed
 * @param conflictRecords  conflict records the pipeline wrote during the timed phase
 * @param catchUp          whether and when the pipeline had caught up before the latency phase
 * @param latency          end-to-end latency at a fixed rate
 * @param achievedRate     the rate the latency phase really sent at, items/s
 * @param liveHeapMiB      heap in use after the latest GC at each quarter of the timed pipeline phase, MiB
 * @param heap             heap over the whole run
 * @param cores            processors available to the JVM
 */
public record BenchReport(PipelineBench.Options options, int warmUpItems, WarmUpRounds.PerPath warmUps,
                          double meanRecordBytes,
                          String producerSettings, Throughput raw, Throughput passThrough, Throughput pipeline,
                          long conflictRecords, PipelineBench.CatchUp catchUp, LatencyStats latency, double achievedRate,
                          List<Long> liveHeapMiB, HeapStats heap, int cores) {

    public BenchReport {
        liveHeapMiB = List.copyOf(liveHeapMiB);
        warmUps = warmUps == null ? WarmUpRounds.PerPath.NONE : warmUps;
    }

    /** Pipeline throughput relative to the raw round trip. */
    public double ratio() {
        return pipeline.ratioTo(raw);
    }

    /** The pass-through relative to the raw round trip: the best ratio any topology reaches on this stack. */
    public double passThroughRatio() {
        return passThrough.ratioTo(raw);
    }

    /** The report, one figure per line; the last is {@code ratio=x.xx}. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Policy Radar bench: embedded stack, %d partition(s), exactly-once "
                        + "Streams; %d items (+%d warm-up), mean record %.0f bytes, seed %d",
                options.partitions(), options.items(), warmUpItems, meanRecordBytes, options.seed()));
        lines.add("producer (every path): " + producerSettings + "; consumers: isolation.level=read_committed");
        lines.add(warmUpLine());
        lines.add("raw Kafka round trip:  " + raw.describe() + " records");
        lines.add("exactly-once pass-through: " + passThrough.describe() + " items");
        lines.add("full pipeline:         " + pipeline.describe() + " items enriched end to end; "
                + conflictRecords + " conflict records");
        lines.add(String.format(Locale.ROOT, "pass-through/raw:      %.2f", passThroughRatio()));
        lines.add(String.format(Locale.ROOT, "pipeline/pass-through: %.2f", pipeline.ratioTo(passThrough)));
        lines.add(String.format(Locale.ROOT, "pipeline/raw:          %.2f", ratio()));
        if (raw.hasCpu() && pipeline.hasCpu()) {
            // on a machine whose cores are all busy the wall-clock ratio follows the CPU each path needs
            lines.add(String.format(Locale.ROOT, "CPU of the whole process: raw %.0f µs per record (JIT compiling "
                            + "%.0f), pipeline %.0f µs per item (JIT compiling %.0f): %.1f×, on %d cores",
                    raw.cpuMicrosPerItem(), raw.jitMicrosPerItem(), pipeline.cpuMicrosPerItem(),
                    pipeline.jitMicrosPerItem(), pipeline.cpuMicrosPerItem() / raw.cpuMicrosPerItem(), cores));
        }
        if (raw.hasCpu() && passThrough.hasCpu() && pipeline.hasCpu()) {
            lines.add(String.format(Locale.ROOT, "CPU of the whole process: pass-through %.0f µs per item (JIT "
                            + "compiling %.0f): %.1f× raw; pipeline %.1f× pass-through",
                    passThrough.cpuMicrosPerItem(), passThrough.jitMicrosPerItem(),
                    passThrough.cpuMicrosPerItem() / raw.cpuMicrosPerItem(),
                    pipeline.cpuMicrosPerItem() / passThrough.cpuMicrosPerItem()));
        }
        lines.add(catchUp.caughtUp()
                ? String.format(Locale.ROOT, "caught up:             %.1f s after the last item was enriched "
                        + "(conflict matching included)", catchUp.waited().toMillis() / 1e3)
                : String.format(Locale.ROOT, "caught up:             no, still busy after %.0f s; the latency phase "
                        + "starts behind a backlog", catchUp.waited().toMillis() / 1e3));
        lines.add(String.format(Locale.ROOT, "latency at %d items/s for %d s (%d items, sent at %.0f /s): %s",
                options.rate(), options.latencyPhase().toSeconds(), latency.count(), achievedRate,
                latency.describe()));
        if (pipeline.perSecond() < options.rate()) {
            lines.add(String.format(Locale.ROOT, "note: the pipeline sustains %.0f items/s, less than the latency "
                    + "phase's %d items/s: its latencies include a growing backlog", pipeline.perSecond(),
                    options.rate()));
        }
        lines.add("heap after the latest GC at 25/50/75/100% of the pipeline phase: "
                + liveHeapMiB.stream().map(String::valueOf).collect(Collectors.joining(" / ")) + " MiB");
        lines.add("heap over the run: " + heap.describe());
        lines.add("ratio=" + Throughput.formatRatio(ratio()));
        return lines;
    }

    private static String rounds(WarmUpRounds.Result result) {
        return result == null ? "-" : result.describe();
    }

    private String warmUpLine() {
        return switch (options.warmUp()) {
            case SEPARATE_STACK -> "warm-up: rounds of " + warmUpItems + " items through each path on an embedded "
                    + "stack of its own until the JIT compiler used at most "
                    + Math.round(100 * WarmUpRounds.QUIET_JIT_SHARE) + "% of a round's CPU (at most "
                    + options.warmUpRounds() + "): raw " + rounds(warmUps.raw()) + ", pass-through "
                    + rounds(warmUps.passThrough()) + ", pipeline " + rounds(warmUps.pipeline()) + "; each stack stopped before the "
                    + "timed one started (the pipeline's once caught up; no records, stories, offsets or schemas "
                    + "shared), then 1 item on the timed stack";
            case SAME_STACK -> "warm-up: " + warmUpItems + " items through each path on its timed topics just "
                    + "before the timed items (the pipeline's warm-up stories stay open)";
        };
    }
}
