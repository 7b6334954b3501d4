package org.policyradar.app.pipeline;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A consumer that a loop of its caller polls on a daemon thread of its own, until {@link #close()}: the one
 * place that knows how such a thread stops. Closing wakes a blocked poll, waits for the thread, and the thread
 * closes the consumer, since a Kafka consumer may only be used from one thread. Anything else that ends the loop
 * is logged and kept for {@link #failure()}, so that a viewer that stopped following its topic says so.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class BackgroundConsumer<K, V> implements AutoCloseable {

    /** What the thread does with the consumer; it returns, or is woken up, once {@code running} turns false. */
    @FunctionalInterface
    public interface Loop<K, V> {
        void run(Consumer<K, V> consumer, BooleanSupplier running) throws InterruptedException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundConsumer.class);
    /** How long the thread may take to leave its loop and close the consumer once asked to. */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    /** Bounds the consumer's own close (leaving no group, but fetch sessions and connections). */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final Consumer<K, V> consumer;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    private BackgroundConsumer(String threadName, Consumer<K, V> consumer, Loop<K, V> loop) {
        this.consumer = consumer;
        this.thread = new Thread(() -> runAndClose(loop), threadName);
        thread.setDaemon(true);
    }

    /** Starts polling {@code consumer} with {@code loop} on a daemon thread named {@code threadName}. */
    public static <K, V> BackgroundConsumer<K, V> start(String threadName, Consumer<K, V> consumer,
            Loop<K, V> loop) {
        BackgroundConsumer<K, V> background = new BackgroundConsumer<>(threadName, consumer, loop);
        background.thread.start();
        return background;
    }

    private void runAndClose(Loop<K, V> loop) {
        try {
            loop.run(consumer, () -> running);
        } catch (WakeupException stopping) {
            // close() woke a blocked poll up
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("{} stopped: {}", thread.getName(), e.getMessage(), e);
        } finally {
            consumer.close(CloseOptions.timeout(CLOSE_TIMEOUT));
        }
    }

    /** What ended the loop before it was closed, if anything did. */
    public Optional<RuntimeException> failure() {
        return Optional.ofNullable(failure);
    }

    /** Whether the thread is still polling. */
    public boolean isAlive() {
        return thread.isAlive();
    }

    /** Asks the loop to stop, wakes a blocked poll, and waits up to {@link #STOP_TIMEOUT} for the thread. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
