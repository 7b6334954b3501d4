package org.policyradar.app.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.policyradar.app.pipeline.StreamsPipeline;
import org.policyradar.streams.enrich.RuleSet;
import org.policyradar.streams.topology.DetectionSettings;
import org.policyradar.streams.topology.StreamsRunner;

/**
 * The Streams half of the pipeline in a JVM of its own, so that a test can kill it as an operating system would
 * (SIGKILL: no shutdown hook, no close, an open transaction left behind).
 *
 * <p>Arguments: {@code BOOTSTRAP_SERVERS REGISTRY_URL APPLICATION_ID STATE_DIR [KEY=VALUE...]}, the pairs being any
 * Kafka client or Streams setting. Prints {@value #RUNNING} on stdout once the application runs; exits with
 * {@value #FAILED_STATUS} when it fails; a SIGTERM closes it cleanly.
 */
public final class StreamsChildMain {

    static final String RUNNING = "RUNNING";
    static final int FAILED_STATUS = 3;

    private StreamsChildMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length < 4) {
            System.err.println("usage: StreamsChildMain BOOTSTRAP_SERVERS REGISTRY_URL APPLICATION_ID STATE_DIR "
                    + "[KEY=VALUE...]");
            System.exit(2);
        }
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", args[0]);
        config.put("schema.registry.url", args[1]);
        for (int i = 4; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            config.put(pair[0], pair[1]);
        }
        StreamsRunner runner = StreamsPipeline.start(config, args[2], Path.of(args[3]), DetectionSettings.DEFAULTS,
                RuleSet.loadDefault());
        Runtime.getRuntime().addShutdownHook(new Thread(runner::close, "streams-child-close"));
        if (runner.awaitRunning(Duration.ofMinutes(2))) {
            System.out.println(RUNNING);
            System.out.flush();
        }
        while (!runner.awaitStop(Duration.ofSeconds(1))) {
            // keep the JVM alive: the stream threads are not daemons, but the exit status is decided here
        }
        System.exit(runner.failed() ? FAILED_STATUS : 0);
    }
}
