package org.policyradar.app.bench;

/**
 * The phase whose arrivals a path's consumer thread records: set by the thread that sends, read by the
 * {@link TopicWatcher}'s thread.
 */
final class CurrentPhase {

    private static final Arrivals NONE = new Arrivals("none", 1);
    private volatile Arrivals current = NONE;

    /** Makes {@code next} the phase that records arrivals from now on, and returns it. */
    Arrivals start(Arrivals next) {
        current = next;
        return next;
    }

    Arrivals get() {
        return current;
    }
}
