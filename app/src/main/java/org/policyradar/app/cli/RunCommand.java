package org.policyradar.app.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.policyradar.app.http.PolicyRadarHttpServer;
import org.policyradar.app.pipeline.ConflictFormat;
import org.policyradar.app.pipeline.ConflictWatcher;
import org.policyradar.app.pipeline.Directories;
import org.policyradar.app.pipeline.IdleDetector;
import org.policyradar.app.pipeline.NewsIngestion;
import org.policyradar.app.pipeline.StreamsPipeline;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.clients.ClientSettings;
import org.policyradar.streams.topology.StreamsRunner;
import org.policyradar.streams.topology.StreamsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code policy-radar run}: the whole pipeline in one command. With no cluster named it starts the embedded stack
 * (KRaft broker and registry) in a temporary directory; it publishes the inputs (the bundled seed news when none
 * is given), runs the topology, and prints every change of a conflict as it is written, then a summary.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the whole pipeline: publish news, enrich it, detect conflicts and print them.",
                "With no --bootstrap-servers it starts the embedded broker and registry in a temporary directory."})
public final class RunCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Mixin
    IngestMixin ingest;

    @Mixin
    DetectionOptions detection;

    @Option(names = "--until-idle", description = "Exit once all input is processed and nothing new appeared for "
            + "--idle-seconds; without it the command runs until Ctrl-C.")
    boolean untilIdle;

    @Option(names = "--idle-seconds", paramLabel = "S", defaultValue = "5",
            description = "Quiet period that counts as idle (default: ${DEFAULT-VALUE}).")
    int idleSeconds;

    @Option(names = "--json", description = "Print one JSON object per change of a conflict on stdout (logs and the "
            + "summary stay on stderr); the latest line of a conflictId is its current state.")
    boolean json;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Directory of the embedded stack and local state (default: a temporary one, removed after).")
    Path dataDir;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "1",
            description = "Partitions of each topic the embedded stack creates (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--application-id", paramLabel = "ID", defaultValue = StreamsSettings.DEFAULT_APPLICATION_ID,
            description = "Streams application id (default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Mixin
    HttpServerOptions http;

    @Override
    public Integer call() throws Exception {
        Path dir = dataDir != null ? dataDir : Files.createTempDirectory("policy-radar-run-");
        try (TargetCluster target = TargetCluster.open(cluster, dir, partitions)) {
            return runPipeline(target.clientConfig(), dir.resolve("state"), System.out);
        } finally {
            if (dataDir == null) {
                Directories.deleteRecursively(dir);
            }
        }
    }

    private int runPipeline(Map<String, Object> clientConfig, Path stateDir, PrintStream out) throws Exception {
        ShutdownSignal signal = untilIdle ? null : ShutdownSignal.install();
        try (PolicyRadarHttpServer server = http.start(clientConfig);
             StreamsRunner runner = StreamsPipeline.start(server.streamsConfig(clientConfig), applicationId, stateDir,
                     detection.settings(), detection.rules());
             ConflictWatcher watcher = new ConflictWatcher(clientConfig, (conflict, isNew) ->
                     print(json ? ConflictFormat.json(conflict) : ConflictFormat.text(conflict, isNew), out))) {
            server.attach(runner.streams());
            System.err.println("Dashboard: " + server.url());
            NewsIngestion.Result published = NewsIngestion.publish(ingest.inputs(), ingest.options(), clientConfig);
            System.err.println("Published: " + published);
            if (!published.successful()) {
                return 1;
            }
            if (untilIdle) {
                try (Admin admin = Admin.create(ClientSettings.admin(clientConfig))) {
                    boolean idle = new IdleDetector(admin, applicationId, Duration.ofSeconds(idleSeconds))
                            .awaitIdle(Duration.ofMinutes(30));
                    if (!idle || runner.failed()) {
                        System.err.println(runner.failed() ? "The Streams application failed." : "Not idle in time.");
                        return 1;
                    }
                }
            } else {
                StreamsCommand.Waiting.untilSignalOrStop(signal, runner);
            }
            printSummary(watcher, json ? System.err : out);
            return runner.failed() ? 1 : 0;
        }
    }

    /** The end of a run: how many conflicts and changes, and each conflict with both article counts. */
    private static void printSummary(ConflictWatcher watcher, PrintStream out) {
        List<PolicyConflict> conflicts = new ArrayList<>(watcher.latest());
        conflicts.sort(Comparator.comparing(PolicyConflict::getConflictId));
        print("Conflicts found: " + watcher.conflicts() + " (" + watcher.changes() + " changes written)", out);
        for (PolicyConflict conflict : conflicts) {
            print("  " + ConflictFormat.text(conflict, false).substring(8), out);
        }
    }

    private static void print(String line, PrintStream out) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
