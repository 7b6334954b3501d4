package org.policyradar.streams.topology;

import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a topology with the lifecycle a production Streams application needs: it logs the topology at start,
 * shuts the client down on an uncaught exception (records that fail are already routed to the dead-letter
 * topic, so an exception that reaches here is a real fault), notices the ERROR state, and closes with a timeout.
 */
public final class StreamsRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsRunner.class);
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaStreams streams;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch running = new CountDownLatch(1);
    private volatile boolean failed;

    private StreamsRunner(Topology topology, Properties props) {
        this.streams = new KafkaStreams(topology, props);
        streams.setUncaughtExceptionHandler(exception -> {
            LOG.error("Streams thread failed; shutting the application down", exception);
            failed = true;
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((newState, oldState) -> {
            LOG.debug("Streams state {} -> {}", oldState, newState);
            if (newState == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
            if (newState == KafkaStreams.State.ERROR) {
                failed = true;
                stopped.countDown();
            }
            if (newState == KafkaStreams.State.NOT_RUNNING || newState == KafkaStreams.State.PENDING_SHUTDOWN) {
                stopped.countDown();
            }
        });
    }

    /** Logs the topology, starts it and returns at once. */
    public static StreamsRunner start(Topology topology, Properties props) {
        LOG.info("Starting application {} with topology:\n{}", props.get("application.id"), topology.describe());
        StreamsRunner runner = new StreamsRunner(topology, props);
        runner.streams.start();
        return runner;
    }

    /** Waits until the application is RUNNING; false when it did not get there in time or stopped first. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && !failed;
    }

    /** Waits until the application stops by itself (error or shutdown); true when it did within the timeout. */
    public boolean awaitStop(Duration timeout) throws InterruptedException {
        return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether the application stopped because of an error. */
    public boolean failed() {
        return failed;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public KafkaStreams streams() {
        return streams;
    }

    @Override
    public void close() {
        if (!streams.close(CLOSE_TIMEOUT)) {
            LOG.warn("Streams did not close within {}", CLOSE_TIMEOUT);
        }
        stopped.countDown();
    }
}
