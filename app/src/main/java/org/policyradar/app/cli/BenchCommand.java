package org.policyradar.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.policyradar.app.bench.BenchReport;
import org.policyradar.app.bench.PipelineBench;
import org.policyradar.app.bench.SeedFlood;
import org.policyradar.app.pipeline.Directories;
import org.policyradar.stack.TopicInitializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code policy-radar bench}: how fast the pipeline is compared with plain Kafka and with an exactly-once
 * pass-through on embedded stacks, and its end-to-end latency at a fixed rate (see {@link PipelineBench}). The
 * figures go to stdout, the last line being {@code ratio=<pipeline/raw>}; progress goes to stderr. The stacks live
 * in a temporary directory, removed after.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark the pipeline on the embedded stack: raw Kafka round trip vs. an exactly-once "
                + "pass-through Streams application (the ceiling of any topology) vs. the full exactly-once "
                + "pipeline with the same records and client settings, end-to-end latency at a fixed rate, and "
                + "peak heap.",
                "The last line of the output is ratio=<pipeline/raw>."})
public final class BenchCommand implements Callable<Integer> {

    static final int DEFAULT_ITEMS = 100_000;
    static final int QUICK_ITEMS = 10_000;
    static final int DEFAULT_LATENCY_SECONDS = 30;
    static final int QUICK_LATENCY_SECONDS = 5;
    static final int DEFAULT_CATCH_UP_SECONDS = 120;
    static final int QUICK_CATCH_UP_SECONDS = 15;

    @Spec
    CommandSpec spec;

    @Option(names = "--items", paramLabel = "N",
            description = "Items of each throughput measurement (default: " + DEFAULT_ITEMS + ", with --quick "
                    + QUICK_ITEMS + ").")
    Integer items;

    @Option(names = "--rate", paramLabel = "R", defaultValue = "1000",
            description = "Items per second of the latency measurement (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--latency-seconds", paramLabel = "S",
            description = "How long the latency measurement sends (default: " + DEFAULT_LATENCY_SECONDS
                    + ", with --quick " + QUICK_LATENCY_SECONDS + ").")
    Integer latencySeconds;

    @Option(names = "--catch-up-seconds", paramLabel = "S",
            description = "How long to wait for the pipeline to finish the throughput measurement's work (conflict "
                    + "matching included) before measuring latency (default: " + DEFAULT_CATCH_UP_SECONDS
                    + ", with --quick " + QUICK_CATCH_UP_SECONDS + ").")
    Integer catchUpSeconds;

    @Option(names = "--quick", description = "A short run (" + QUICK_ITEMS + " items, " + QUICK_LATENCY_SECONDS
            + " s of latency measurement, at most " + QUICK_CATCH_UP_SECONDS + " s of catch-up) that finishes "
            + "within 3 minutes.")
    boolean quick;

    @Option(names = "--warm-up", paramLabel = "MODE", defaultValue = "separate-stack",
            description = "Where each path is warmed up before it is timed: separate-stack (default: on an embedded "
                    + "stack of its own, stopped before the timed one; as many items as timed, at most 10,000) or "
                    + "same-stack (a tenth of the items, 100 to 2,000, on the timed topics just before).")
    String warmUp;

    @Option(names = "--warm-up-rounds", paramLabel = "N",
            defaultValue = "" + PipelineBench.Options.DEFAULT_WARM_UP_ROUNDS,
            description = "With the separate-stack warm-up: at most N warm-up rounds per path; rounds stop once the "
                    + "JIT compiler used at most 10% of a round's CPU (default: ${DEFAULT-VALUE}).")
    int warmUpRounds;

    @Option(names = "--partitions", paramLabel = "P", defaultValue = "" + TopicInitializer.LOCAL_PARTITIONS,
            description = "Partitions of every topic of the embedded stack (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "20250203",
            description = "Seed of the synthetic news (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--write-flood", paramLabel = "FILE",
            description = "Instead of benchmarking, write the flood (every outlet reporting each seed story) as JSON "
                    + "Lines to FILE, for run --input.")
    Path floodFile;

    @Option(names = "--outlets", paramLabel = "N", defaultValue = "500",
            description = "Outlets of the flood (default: ${DEFAULT-VALUE}).")
    int outlets;

    @Option(names = "--flood-shuffle", paramLabel = "SEED",
            description = "Shuffle the flood's lines with this seed (default: publication order).")
    Long floodShuffle;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (floodFile != null) {
            List<String> lines = SeedFlood.lines(outlets, floodShuffle);
            Files.write(floodFile, lines);
            err.println("Wrote " + lines.size() + " items to " + floodFile);
            err.flush();
            return 0;
        }
        PipelineBench.Options options = options();
        Path workDir = Files.createTempDirectory("policy-radar-bench-");
        try {
            BenchReport report = new PipelineBench(options, err).run(workDir);
            report.lines().forEach(out::println);
            out.flush();
            return 0;
        } catch (IllegalStateException e) {
            err.println("bench failed: " + e.getMessage());
            err.flush();
            return 1;
        } finally {
            Directories.deleteRecursively(workDir);
        }
    }

    PipelineBench.Options options() {
        int n = items != null ? items : quick ? QUICK_ITEMS : DEFAULT_ITEMS;
        int seconds = latencySeconds != null ? latencySeconds : quick ? QUICK_LATENCY_SECONDS
                : DEFAULT_LATENCY_SECONDS;
        int catchUp = catchUpSeconds != null ? catchUpSeconds : quick ? QUICK_CATCH_UP_SECONDS
                : DEFAULT_CATCH_UP_SECONDS;
        try {
            return new PipelineBench.Options(n, rate, Duration.ofSeconds(seconds), partitions, seed,
                    Duration.ofSeconds(catchUp), warmUp(), warmUpRounds);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private PipelineBench.WarmUp warmUp() {
        for (PipelineBench.WarmUp mode : PipelineBench.WarmUp.values()) {
            if (mode.optionValue().equals(warmUp)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("--warm-up must be separate-stack or same-stack, not '" + warmUp + "'");
    }
}
