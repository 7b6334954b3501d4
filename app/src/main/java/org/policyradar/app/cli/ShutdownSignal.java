package org.policyradar.app.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Waits for Ctrl-C (SIGINT) or SIGTERM so that a long-running command can stop its work in its own thread
 * and exit with status 0. The JVM's default handling of those signals exits with 130 or 143 instead, and
 * runs shutdown hooks concurrently with the logging system's own hook, which can swallow the last log lines.
 *
 * <p>A second signal while the first is being handled stops the process at once (status 130), for the case
 * where a clean shutdown hangs.
 */
public final class ShutdownSignal {

    private static final Logger log = LoggerFactory.getLogger(ShutdownSignal.class);
    private static final int STATUS_AFTER_SECOND_SIGNAL = 130;

    private final CountDownLatch received = new CountDownLatch(1);

    private ShutdownSignal() {
    }

    /**
     * Installs handlers for INT and TERM; call it once per process (a later call takes the signals over).
     * Where a handler cannot be installed (under {@code -Xrs}, or when the process was started with the
     * signal ignored, as by {@code nohup}) the JVM's default behaviour stays, and shutdown hooks still run.
     */
    public static ShutdownSignal install() {
        ShutdownSignal signal = new ShutdownSignal();
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal::onSignal);
            } catch (IllegalArgumentException e) {
                log.debug("Cannot handle SIG{}; the JVM's default applies", name, e);
            }
        }
        return signal;
    }

    /** Blocks until INT or TERM arrives. */
    public void await() throws InterruptedException {
        received.await();
    }

    /** Blocks until INT or TERM arrives or {@code timeout} passes; true if the signal arrived. */
    public boolean await(Duration timeout) throws InterruptedException {
        return received.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** True once INT or TERM has arrived. */
    public boolean received() {
        return received.getCount() == 0;
    }

    private void onSignal(Signal signal) {
        if (received.getCount() == 0) {
            System.err.println("Second SIG" + signal.getName() + ": stopping immediately.");
            Runtime.getRuntime().halt(STATUS_AFTER_SECOND_SIGNAL);
        }
        log.debug("Received SIG{}", signal.getName());
        received.countDown();
    }
}
