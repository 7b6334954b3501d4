package org.policyradar.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time the whole JVM used since {@link #start()} (every thread: the embedded broker's and registry's, the JIT
 * compiler's and the collector's included), and how much of it the JIT compiler threads used. On a machine whose
 * cores are all busy a phase's wall-clock throughput follows the CPU it needs per item, and in a short run much
 * of that is compilation, so the bench prints both.
 *
 * <p>The compiler threads are not Java threads that {@code ThreadMXBean} reports; their CPU time is read from
 * Linux's {@code /proc/self/task/<tid>/stat} (threads named {@code C1/C2 CompilerThre...}). Elsewhere, or when a
 * compiler thread ends within the phase (its time is then not counted), the figure is absent or a lower bound.
 */
final class ProcessCpu {

    /** CPU nanoseconds of the whole process and of its JIT compiler threads; -1 for what cannot be read. */
    record Used(long cpuNanos, long jitNanos) {
    }

    private static final Path TASKS = Path.of("/proc/self/task");
    /** {@code USER_HZ}: the unit of the times in {@code /proc/.../stat}; 100 on every Linux build that matters. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private final com.sun.management.OperatingSystemMXBean os;
    private final long cpuAtStart;
    private final Map<String, Long> jitTicksAtStart;

    private ProcessCpu() {
        this.os = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean bean
                ? bean : null;
        this.cpuAtStart = cpuNow();
        this.jitTicksAtStart = compilerThreadTicks();
    }

    /** Starts counting. */
    static ProcessCpu start() {
        return new ProcessCpu();
    }

    /** What was used since {@link #start()}. */
    Used used() {
        long cpu = cpuNow();
        Map<String, Long> jitTicks = compilerThreadTicks();
        long jitNanos = -1;
        if (jitTicksAtStart != null && jitTicks != null) {
            long ticks = 0;
            for (Map.Entry<String, Long> thread : jitTicks.entrySet()) {
                ticks += thread.getValue() - jitTicksAtStart.getOrDefault(thread.getKey(), 0L);
            }
            jitNanos = ticks * NANOS_PER_TICK;
        }
        return new Used(cpu < 0 || cpuAtStart < 0 ? -1 : cpu - cpuAtStart, jitNanos);
    }

    private long cpuNow() {
        return os == null ? -1 : os.getProcessCpuTime();
    }

    /** User plus system ticks of each JIT compiler thread, by thread id; null where /proc cannot be read. */
    private static Map<String, Long> compilerThreadTicks() {
        if (!Files.isDirectory(TASKS)) {
            return null;
        }
        Map<String, Long> ticks = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    // "tid (name) state ppid ...": the name may hold spaces, so split after the closing parenthesis
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    if (open < 0 || close < open || !stat.substring(open + 1, close).contains("CompilerThre")) {
                        continue;
                    }
                    String[] fields = stat.substring(close + 2).split(" ");
                    // fields from the state on: utime and stime are the 14th and 15th of the whole line
                    ticks.put(task.getFileName().toString(), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
                } catch (IOException | RuntimeException threadEnded) {
                    // a thread that ended while being read counts as absent
                }
            }
        } catch (IOException e) {
            return null;
        }
        return ticks;
    }
}
