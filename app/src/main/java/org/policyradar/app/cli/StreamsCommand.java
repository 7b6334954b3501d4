package org.policyradar.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.policyradar.app.http.PolicyRadarHttpServer;
import org.policyradar.app.pipeline.StreamsPipeline;
import org.policyradar.streams.topology.StreamsRunner;
import org.policyradar.streams.topology.StreamsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code policy-radar streams}: runs the topology against a named cluster until stopped. */
@Command(name = "streams", mixinStandardHelpOptions = true,
        description = "Run the Streams topology (enrichment, stories, conflicts, alerts) until Ctrl-C or SIGTERM.")
public final class StreamsCommand implements Callable<Integer> {

    @Mixin
    ClusterOptions cluster;

    @Mixin
    DetectionOptions detection;

    @Option(names = "--application-id", paramLabel = "ID", defaultValue = StreamsSettings.DEFAULT_APPLICATION_ID,
            description = "Streams application id; instances with the same id share the work (default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Local state directory (default: ~/.policy-radar/state).")
    Path stateDir;

    @Option(names = "--instance-name", paramLabel = "NAME",
            description = "Name of this instance in the application's group (e.g. the host or pod name), kept in the "
                    + "state directory for later starts; a restarted instance with the same name takes its work back "
                    + "at once (default: the name kept there, else a random one).")
    String instanceName;

    @Mixin
    HttpServerOptions http;

    @Override
    public Integer call() throws Exception {
        Path dir = stateDir != null ? stateDir : Path.of(System.getProperty("user.home"), ".policy-radar", "state");
        if (instanceName != null) {
            StreamsSettings.writeInstanceName(dir, instanceName);
        }
        ShutdownSignal signal = ShutdownSignal.install();
        Map<String, Object> clientConfig = cluster.clientConfig();
        try (PolicyRadarHttpServer server = http.start(clientConfig);
             StreamsRunner runner = StreamsPipeline.start(server.streamsConfig(clientConfig), applicationId, dir,
                     detection.settings(), detection.rules())) {
            server.attach(runner.streams());
            System.err.println("HTTP API and dashboard: " + server.url());
            Waiting.untilSignalOrStop(signal, runner);
            return runner.failed() ? 1 : 0;
        }
    }

    /** How long-running commands wait: for Ctrl-C/SIGTERM, or for the Streams application to stop by itself. */
    static final class Waiting {

        private Waiting() {
        }

        static void untilSignalOrStop(ShutdownSignal signal, StreamsRunner runner) throws InterruptedException {
            Thread waiter = new Thread(() -> {
                try {
                    signal.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "signal-waiter");
            waiter.setDaemon(true);
            waiter.start();
            while (waiter.isAlive() && !runner.awaitStop(Duration.ofMillis(500))) {
                // keep waiting
            }
        }
    }
}
