package org.policyradar.streams.topology;

import java.time.Duration;
import java.util.Objects;

/**
 * Event-time bounds of the conflict engine.
 *
 * @param conflictWindow how long a position stays in force after its story's last report: a story's period runs
 *                       from the UTC day of its first report to the end of the UTC day of its last report plus
 *                       this window, and a pressing and a resisting story conflict when their periods meet
 * @param retention      how far behind stream time a record may be and still count; older ones go to the
 *                       dead-letter topic. Any arrival order of records whose event times lie within it gives the
 *                       same conflicts. A story is kept until its period has ended this long ago.
 */
public record DetectionSettings(Duration conflictWindow, Duration retention) {

    /** A year of conflict window, two years of retention (see docs/conflict-engine.md, "Temporal model"). */
    public static final DetectionSettings DEFAULTS = new DetectionSettings(Duration.ofDays(365), Duration.ofDays(730));

    public DetectionSettings {
        Objects.requireNonNull(conflictWindow, "conflictWindow");
        Objects.requireNonNull(retention, "retention");
        if (conflictWindow.isNegative() || conflictWindow.isZero()) {
            throw new IllegalArgumentException("conflict window must be positive, was " + conflictWindow);
        }
        if (retention.isNegative()) {
            throw new IllegalArgumentException("retention must not be negative, was " + retention);
        }
    }

    /** How long after its last report a story (and a conflict) stays in state: its window, then the retention. */
    Duration stateRetention() {
        return conflictWindow.plus(retention);
    }
}
