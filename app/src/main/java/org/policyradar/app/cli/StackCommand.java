package org.policyradar.app.cli;

import org.policyradar.stack.LocalStack;
import org.policyradar.stack.TopicInitializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code policy-radar stack}: runs the embedded local stack (a KRaft broker with the pipeline's topics, and
 * the Schema Registry) in the foreground until Ctrl-C or SIGTERM.
 *
 * <p>On stdout it prints two lines in properties format, {@code bootstrap.servers=...} and
 * {@code schema.registry.url=...}, so that they can be read by a script or saved as a {@code --kafka-config}
 * file; everything else goes to stderr. With {@code --registry-auth USER:PASSWORD} the registry requires HTTP
 * basic authentication; the password is never printed or logged.
 */
@Command(name = "stack", mixinStandardHelpOptions = true,
        description = {
                "Run the local stack in the foreground: a single-node Kafka broker (KRaft) with the pipeline's "
                        + "topics, and a Schema Registry. Stop it with Ctrl-C.",
                "Prints bootstrap.servers=... and schema.registry.url=... on stdout once it is ready."})
public final class StackCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(StackCommand.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    @Spec
    CommandSpec spec;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "9092",
            description = "Kafka client port on 127.0.0.1; 0 picks a free port (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--registry-port", paramLabel = "PORT", defaultValue = "8081",
            description = "Schema Registry port on 127.0.0.1; 0 picks a free port (default: ${DEFAULT-VALUE}).")
    int registryPort;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${sys:user.home}/.policy-radar/stack",
            description = "Directory for the broker's logs; reused so that topics, records and schemas survive "
                    + "a restart (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    /** "user:password", or null for an open registry; never printed or logged. */
    private String registryAuth;

    @Option(names = "--registry-auth", paramLabel = "USER:PASSWORD", arity = "1",
            description = "Require HTTP basic authentication on every Schema Registry request. Clients then need "
                    + "basic.auth.credentials.source=USER_INFO and basic.auth.user.info=USER:PASSWORD (e.g. in "
                    + "--kafka-config). The password is never printed; to keep it out of the process list, put the "
                    + "option in an argument file and pass @FILE. Default: no authentication.")
    void setRegistryAuth(String userInfo) {
        if (userInfo == null) {
            // picocli resets options without a default this way before parsing
            this.registryAuth = null;
            return;
        }
        int colon = userInfo.indexOf(':');
        if (colon < 1 || colon == userInfo.length() - 1) {
            // the message must not repeat the value: it may be a password typed in the wrong place
            throw new ParameterException(spec.commandLine(),
                    "--registry-auth must be USER:PASSWORD, with a non-empty user and password");
        }
        this.registryAuth = userInfo;
    }

    @Override
    public Integer call() throws InterruptedException {
        requirePort("--kafka-port", kafkaPort);
        requirePort("--registry-port", registryPort);
        PrintWriter err = spec.commandLine().getErr();
        ShutdownSignal shutdownSignal = ShutdownSignal.install();

        long startedAt = System.nanoTime();
        LocalStack stack;
        try {
            stack = LocalStack.start(dataDir, kafkaPort, registryPort, TopicInitializer.LOCAL_PARTITIONS, registryAuth);
        } catch (RuntimeException e) {
            log.debug("The local stack failed to start", e);
            err.println("Cannot start the local stack: " + e.getMessage());
            err.flush();
            return 1;
        }
        // a safety net for exits that do not come through the signal handlers (SIGHUP, -Xrs, System.exit)
        Thread closeOnExit = new Thread(() -> closeWithTimeout(stack), "policy-radar-stack-shutdown");
        Runtime.getRuntime().addShutdownHook(closeOnExit);

        PrintWriter out = spec.commandLine().getOut();
        out.println("bootstrap.servers=" + stack.bootstrapServers());
        out.println("schema.registry.url=" + stack.registryUrl());
        out.flush();
        if (registryAuth != null) {
            err.println("The Schema Registry requires basic authentication as user '"
                    + registryAuth.substring(0, registryAuth.indexOf(':')) + "' (password not shown).");
        }
        err.printf(Locale.ROOT, "Local stack ready in %.1f s (data in %s). Press Ctrl-C to stop.%n",
                (System.nanoTime() - startedAt) / 1e9, dataDir.toAbsolutePath().normalize());
        err.flush();

        shutdownSignal.await();
        err.println("Stopping the local stack...");
        err.flush();
        closeWithTimeout(stack);
        err.println("Local stack stopped.");
        err.flush();
        return 0;
    }

    private void requirePort(String option, int port) {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(),
                    option + " must be between 0 and 65535 (0 picks a free port), not " + port);
        }
    }

    /** Closes the stack, giving up (with a warning) when it takes longer than {@link #CLOSE_TIMEOUT}. */
    private static void closeWithTimeout(LocalStack stack) {
        Thread closer = new Thread(stack::close, "policy-radar-stack-close");
        closer.start();
        try {
            closer.join(CLOSE_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closer.isAlive()) {
            log.warn("The local stack did not stop within {} s; exiting anyway", CLOSE_TIMEOUT.toSeconds());
        }
    }
}
