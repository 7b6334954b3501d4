package org.policyradar.app.alerts;

import java.time.Duration;

/** Waits between delivery attempts; tests pass one that does not wait, the command one that wakes on Ctrl-C. */
@FunctionalInterface
public interface Sleeper {

    /** The thread's own sleep. */
    Sleeper THREAD_SLEEP = duration -> Thread.sleep(duration.toMillis());

    /**
     * Waits for {@code duration}.
     *
     * @throws InterruptedException when the wait is cut short because the dispatcher is stopping
     */
    void sleep(Duration duration) throws InterruptedException;
}
