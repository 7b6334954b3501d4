package org.policyradar.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.policyradar.app.pipeline.Replay;
import org.policyradar.streams.topology.StreamsRunner;
import org.policyradar.streams.topology.StreamsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code policy-radar replay}: reprocesses the whole history with the current rules, then retracts the conflicts
 * they no longer find.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Reprocess all of news.items.v1 with the current rules: reset the Streams application "
                + "(Kafka's StreamsResetter), wipe its local state, run until caught up, then retract conflicts "
                + "that no longer hold (tombstone + RETRACTED alert). Stop every other instance first.",
                "With no cluster named it works on the embedded stack kept in --data-dir (as left by "
                        + "'run --data-dir DIR')."})
public final class ReplayCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Mixin
    DetectionOptions detection;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Embedded stack and local state to replay (required when no cluster is named).")
    Path dataDir;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Local state directory (default: DIR/state with --data-dir, else ~/.policy-radar/state).")
    Path stateDir;

    @Option(names = "--application-id", paramLabel = "ID", defaultValue = StreamsSettings.DEFAULT_APPLICATION_ID,
            description = "Streams application id to reset and rerun (default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--until-idle", description = "Exit once the replay has caught up; without it the application "
            + "keeps running until Ctrl-C.")
    boolean untilIdle;

    @Option(names = "--idle-seconds", paramLabel = "S", defaultValue = "5",
            description = "Quiet period that counts as caught up (default: ${DEFAULT-VALUE}).")
    int idleSeconds;

    @Override
    public Integer call() throws Exception {
        if (!cluster.clusterNamed() && dataDir == null) {
            System.err.println("Nothing to replay: name a cluster (--bootstrap-servers) or the embedded stack's "
                    + "--data-dir.");
            return 2;
        }
        Path state = stateDir != null ? stateDir
                : dataDir != null ? dataDir.resolve("state")
                : Path.of(System.getProperty("user.home"), ".policy-radar", "state");
        ShutdownSignal signal = untilIdle ? null : ShutdownSignal.install();
        try (TargetCluster target = TargetCluster.open(cluster, dataDir, 1)) {
            Replay.Started started = new Replay(target.clientConfig(), applicationId, state, detection.settings(),
                    detection.rules()).start(Duration.ofSeconds(idleSeconds), Duration.ofMinutes(30));
            try (StreamsRunner runner = started.runner()) {
                Replay.Outcome outcome = started.outcome();
                System.err.println("Replayed: " + outcome.conflictsBefore() + " conflicts before, "
                        + outcome.conflictsFound() + " found again or new, " + outcome.retracted() + " retracted.");
                if (!untilIdle) {
                    StreamsCommand.Waiting.untilSignalOrStop(signal, runner);
                }
                return runner.failed() ? 1 : 0;
            }
        }
    }
}
