package org.policyradar.producer;

import java.time.Duration;

/** How a {@link FeedPoller} waits between rounds; tests pass one that records the waits instead of waiting. */
@FunctionalInterface
public interface Sleeper {

    /** Waits with {@link Thread#sleep}. */
    Sleeper THREAD_SLEEP = duration -> Thread.sleep(duration.toMillis());

    /** Waits for {@code duration} (never negative), or until the thread is interrupted. */
    void sleep(Duration duration) throws InterruptedException;
}
