package org.policyradar.app.bench;

import java.util.Locale;

/**
 * How many items a phase moved in how long.
 *
 * @param items       the items (or records) that made the whole trip
 * @param nanos       from the first send to the arrival of the last one
 * @param cpuNanos    CPU time the whole process (broker, registry, clients, Streams, JIT, GC) used in that time,
 *                    or -1 when not measured
 * @param jitNanos    time the JIT compiler threads spent compiling in that time (part of {@code cpuNanos}), or -1
 */
public record Throughput(long items, long nanos, long cpuNanos, long jitNanos) {

    public Throughput {
        if (items <= 0 || nanos <= 0) {
            throw new IllegalArgumentException("a throughput needs items and time, not " + items + " in " + nanos
                    + " ns");
        }
    }

    /** A throughput whose CPU time was not measured. */
    public Throughput(long items, long nanos) {
        this(items, nanos, -1, -1);
    }

    /** Whether {@link #cpuNanos} was measured. */
    public boolean hasCpu() {
        return cpuNanos >= 0 && jitNanos >= 0;
    }

    /** CPU time of the whole process per item, in microseconds. */
    public double cpuMicrosPerItem() {
        return cpuNanos / 1e3 / items;
    }

    /** JIT compilation time per item, in microseconds. */
    public double jitMicrosPerItem() {
        return jitNanos / 1e3 / items;
    }

    /** Items per second. */
    public double perSecond() {
        return items * 1e9 / nanos;
    }

    /** This throughput relative to {@code baseline}: 1.0 is as fast, 0.5 half as fast. */
    public double ratioTo(Throughput baseline) {
        return perSecond() / baseline.perSecond();
    }

    /** "20000 in 4.56 s = 4386 /s". */
    public String describe() {
        return String.format(Locale.ROOT, "%d in %.2f s = %.0f /s", items, nanos / 1e9, perSecond());
    }

    /** The ratio as the last line of the bench output prints it: two decimals, a dot as separator. */
    public static String formatRatio(double ratio) {
        return String.format(Locale.ROOT, "%.2f", ratio);
    }
}
