package org.policyradar.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * CPU time of the benchmark thread per operation, printed after every iteration. On a shared machine the wall-clock
 * score moves with whatever else runs (and with the hypervisor's steal time); the thread's own CPU time per
 * operation moves much less, so it is printed beside the score. Work on other threads (RocksDB's background
 * flushes and compactions) is not in it.
 */
final class CpuTime {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long startNanos;
    private long operations;

    /** Call at the start of an iteration, on the benchmark thread. */
    void start() {
        operations = 0;
        startNanos = THREADS.getCurrentThreadCpuTime();
    }

    /** Call once per operation. */
    void count() {
        operations++;
    }

    /** Call at the end of an iteration, on the benchmark thread: prints the CPU time per operation. */
    void report(String what) {
        long cpu = THREADS.getCurrentThreadCpuTime() - startNanos;
        if (operations > 0) {
            System.out.printf(Locale.ROOT, "%n[cpu] %s: %.1f us of benchmark-thread CPU per op (%d ops, %.0f ops per "
                    + "CPU-second)%n", what, cpu / 1e3 / operations, operations, operations * 1e9 / cpu);
        }
    }
}
