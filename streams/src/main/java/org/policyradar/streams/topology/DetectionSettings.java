package org.policyradar.streams.topology;

import java.time.Duration;
import java.util.Objects;

/**
 * Event-time bounds of the stateful steps.
 *
 * @param conflictWindow how far apart in event time two positions may be and still form a conflict
 * @param grace          how late (behind stream time) a record may arrive and still be matched; later ones go
 *                       to the dead-letter topic
 * @param storyWindow    how far apart two articles of one story may be
 */
public record DetectionSettings(Duration conflictWindow, Duration grace, Duration storyWindow) {

    /** 90-day conflict window, 7 days of grace, 3-day stories. */
    public static final DetectionSettings DEFAULTS =
            new DetectionSettings(Duration.ofDays(90), Duration.ofDays(7), Duration.ofDays(3));

    public DetectionSettings {
        Objects.requireNonNull(conflictWindow, "conflictWindow");
        Objects.requireNonNull(grace, "grace");
        Objects.requireNonNull(storyWindow, "storyWindow");
        if (conflictWindow.isNegative() || conflictWindow.isZero()) {
            throw new IllegalArgumentException("conflict window must be positive, was " + conflictWindow);
        }
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, was " + grace);
        }
        if (storyWindow.isNegative() || storyWindow.isZero()) {
            throw new IllegalArgumentException("story window must be positive, was " + storyWindow);
        }
    }

    /** Retention of the window stores: a record must still be there when the latest allowed partner arrives. */
    Duration conflictRetention() {
        return conflictWindow.multipliedBy(2).plus(grace);
    }
}
