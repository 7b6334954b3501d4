package org.policyradar.streams.evaluate;

import java.util.Locale;

/** A count of hits out of a total, with its value (1.0 for an empty total: nothing to get wrong). */
public record Ratio(int hits, int total) {

    public double value() {
        return total == 0 ? 1.0 : hits / (double) total;
    }

    Ratio plus(boolean hit) {
        return new Ratio(hits + (hit ? 1 : 0), total + 1);
    }

    Ratio add(Ratio other) {
        return new Ratio(hits + other.hits, total + other.total);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%.3f (%d/%d)", value(), hits, total);
    }
}
