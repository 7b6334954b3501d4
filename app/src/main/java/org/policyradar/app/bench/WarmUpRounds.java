package org.policyradar.app.bench;

import java.util.Locale;

/**
 * Warms a path up in rounds until the JIT compiler has little left to do, so that the timed phase measures the
 * path as it runs for hours, not the compiler. In a one-minute run of this application (broker, registry,
 * clients, Streams and the rules in one JVM on two cores) the C2 compiler is still busy long after a single
 * warm-up: it had one core to itself during the timed pipeline phase and took 30–40% of the process's CPU.
 * JMH warms up in iterations for the same reason.
 *
 * <p>A round is quiet when the JIT compiler threads used at most {@link #QUIET_JIT_SHARE} of the process's CPU
 * during it. Rounds stop at the first quiet one, or after the maximum. Where the compiler threads' time cannot
 * be read (not Linux), one round is run, as before.
 */
final class WarmUpRounds {

    /** The JIT compiler's share of a round's process CPU at which the path counts as warm. */
    static final double QUIET_JIT_SHARE = 0.10;

    /**
     * How a path's warm-up went.
     *
     * @param rounds        rounds run
     * @param lastJitShare  the JIT compiler's share of the process CPU in the last round; NaN if not readable
     */
    record Result(int rounds, double lastJitShare) {

        boolean quiet() {
            return !Double.isNaN(lastJitShare) && lastJitShare <= QUIET_JIT_SHARE;
        }

        /** E.g. {@code "3 rounds (JIT 7% of the last)"}. */
        String describe() {
            String rounds = this.rounds + (this.rounds == 1 ? " round" : " rounds");
            return Double.isNaN(lastJitShare) ? rounds
                    : String.format(Locale.ROOT, "%s (JIT %.0f%% of the last)", rounds, 100 * lastJitShare);
        }
    }

    /** The warm-ups of the three paths; a null element for a path warmed on its timed stack. */
    record PerPath(Result raw, Result passThrough, Result pipeline) {
        static final PerPath NONE = new PerPath(null, null, null);
    }

    /** One round of a path's warm-up; {@code round} counts from 0. */
    @FunctionalInterface
    interface Round {
        void run(int round) throws InterruptedException;
    }

    private WarmUpRounds() {
    }

    /** Runs rounds until one is quiet, at most {@code maxRounds}. */
    static Result untilQuiet(int maxRounds, Round round) throws InterruptedException {
        if (maxRounds < 1) {
            throw new IllegalArgumentException("at least one warm-up round, not " + maxRounds);
        }
        Result result = null;
        for (int r = 0; r < maxRounds; r++) {
            ProcessCpu cpu = ProcessCpu.start();
            round.run(r);
            result = new Result(r + 1, jitShare(cpu.used()));
            if (Double.isNaN(result.lastJitShare()) || result.quiet()) {
                break;
            }
        }
        return result;
    }

    static double jitShare(ProcessCpu.Used used) {
        if (used.jitNanos() < 0 || used.cpuNanos() <= 0) {
            return Double.NaN;
        }
        return Math.min(1.0, (double) used.jitNanos() / used.cpuNanos());
    }
}
