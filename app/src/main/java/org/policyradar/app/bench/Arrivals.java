package org.policyradar.app.bench;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * The arrivals of one phase's items at the consumer, by index: a phase sends ids {@code <prefix>-0} to
 * {@code <prefix>-(n-1)} and waits here until every one of them has arrived once. Keys of other phases are
 * ignored, and a second arrival of an id does not count twice. One thread records, any thread waits.
 */
final class Arrivals {

    private final String prefix;
    private final long[] arrivedAtNanos;
    private final CountDownLatch missing;
    private final int progressStep;
    private final IntConsumer progress;
    private int arrived;
    private volatile long lastNanos;

    /**
     * @param idPrefix the prefix of the phase's ids, without the dash
     * @param expected how many items the phase sends
     * @param progress called (on the recording thread) each time another quarter of the items has arrived
     */
    Arrivals(String idPrefix, int expected, IntConsumer progress) {
        if (expected < 1) {
            throw new IllegalArgumentException("a phase expects at least one item, not " + expected);
        }
        this.prefix = idPrefix + "-";
        this.arrivedAtNanos = new long[expected];
        this.missing = new CountDownLatch(expected);
        this.progressStep = Math.max(1, expected / 4);
        this.progress = progress;
    }

    Arrivals(String idPrefix, int expected) {
        this(idPrefix, expected, count -> { });
    }

    /** Records that the record keyed {@code key} arrived at {@code nanos} (System.nanoTime). */
    void record(String key, long nanos) {
        if (key == null || !key.startsWith(prefix)) {
            return;
        }
        int index;
        try {
            index = Integer.parseInt(key, prefix.length(), key.length(), 10);
        } catch (NumberFormatException notOurs) {
            return;
        }
        if (index < 0 || index >= arrivedAtNanos.length || arrivedAtNanos[index] != 0) {
            return;
        }
        arrivedAtNanos[index] = nanos;
        lastNanos = Math.max(lastNanos, nanos);
        arrived++;
        // before counting down, so that a waiter woken by the last arrival sees what the callback did
        if (arrived % progressStep == 0 || arrived == arrivedAtNanos.length) {
            progress.accept(arrived);
        }
        missing.countDown();
    }

    /** Waits until every item arrived; false on time-out. */
    boolean await(Duration timeout) throws InterruptedException {
        return missing.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Items that arrived so far. */
    long arrived() {
        return arrivedAtNanos.length - missing.getCount();
    }

    int expected() {
        return arrivedAtNanos.length;
    }

    /** When the last item arrived; meaningful once {@link #await} returned true. */
    long lastArrivalNanos() {
        return lastNanos;
    }

    /** When each item arrived, by index; safe to read once {@link #await} returned true. */
    long[] arrivalNanos() {
        return arrivedAtNanos;
    }
}
