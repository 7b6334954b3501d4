package org.policyradar.app.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * Percentiles of a set of latencies, by the nearest-rank method on a sorted copy: the p-th percentile is the
 * smallest value that at least p percent of the values do not exceed. Exact, and cheap at benchmark sizes.
 *
 * @param count   how many latencies
 * @param p50Nanos the median
 * @param p99Nanos the 99th percentile
 * @param maxNanos the largest
 */
public record LatencyStats(int count, long p50Nanos, long p99Nanos, long maxNanos) {

    /** The stats of {@code nanos} (left unchanged). */
    public static LatencyStats of(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no latencies to summarise");
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new LatencyStats(sorted.length, percentile(sorted, 50), percentile(sorted, 99),
                sorted[sorted.length - 1]);
    }

    /** The nearest-rank {@code percent}-th percentile of ascending {@code sorted} values. */
    static long percentile(long[] sorted, double percent) {
        if (percent <= 0 || percent > 100) {
            throw new IllegalArgumentException("a percentile is in (0, 100], not " + percent);
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(rank, 1) - 1];
    }

    /** "p50 12.3 ms, p99 45.6 ms, max 78.9 ms". */
    public String describe() {
        return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                p50Nanos / 1e6, p99Nanos / 1e6, maxNanos / 1e6);
    }
}
