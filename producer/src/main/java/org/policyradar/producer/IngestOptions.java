package org.policyradar.producer;

import java.time.Clock;
import java.util.Objects;

/**
 * How a {@link NewsIngestor}, a {@link FeedReader} or a {@link FeedPoller} reads: the input format, strictness, the clock that stamps ingestion times, where bad
 * lines and progress go, and the limits that protect it from hostile input. Immutable; build with
 * {@link #builder()}.
 */
public final class IngestOptions {

    /** Lines longer than this many bytes (64 KiB) are reported and skipped without being held in memory. */
    public static final int DEFAULT_MAX_LINE_BYTES = 64 * 1024;
    /** JSON nested deeper than this is reported; real news items are two or three levels deep. */
    public static final int DEFAULT_MAX_NESTING_DEPTH = 32;
    /** Feed documents larger than this many bytes (16 MiB) are refused before they are parsed. */
    public static final int DEFAULT_MAX_FEED_BYTES = 16 * 1024 * 1024;
    /** The progress listener is told every this many lines read. */
    public static final int DEFAULT_PROGRESS_EVERY = 10_000;

    private final InputFormat format;
    private final boolean strict;
    private final Clock clock;
    private final BadLineReporter reporter;
    private final ProgressListener progress;
    private final int progressEvery;
    private final int maxLineBytes;
    private final int maxNestingDepth;
    private final int maxFeedBytes;

    private IngestOptions(Builder b) {
        this.format = b.format;
        this.strict = b.strict;
        this.clock = b.clock;
        this.reporter = b.reporter;
        this.progress = b.progress;
        this.progressEvery = b.progressEvery;
        this.maxLineBytes = b.maxLineBytes;
        this.maxNestingDepth = b.maxNestingDepth;
        this.maxFeedBytes = b.maxFeedBytes;
    }

    /** Auto-detected format, lenient, the UTC system clock, bad lines to stderr, no progress. */
    public static IngestOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The forced format, or {@link InputFormat#AUTO} to decide per input. */
    public InputFormat format() {
        return format;
    }

    /** Whether any bad line makes the run unsuccessful (see {@link IngestSummary#successful()}). */
    public boolean strict() {
        return strict;
    }

    /** The clock that gives every item its {@code ingestedAt}. */
    public Clock clock() {
        return clock;
    }

    public BadLineReporter reporter() {
        return reporter;
    }

    public ProgressListener progress() {
        return progress;
    }

    public int progressEvery() {
        return progressEvery;
    }

    public int maxLineBytes() {
        return maxLineBytes;
    }

    public int maxNestingDepth() {
        return maxNestingDepth;
    }

    /** The largest feed document (a file or a downloaded body) that is read, in bytes. */
    public int maxFeedBytes() {
        return maxFeedBytes;
    }

    /** Builds {@link IngestOptions}; every setting has a default. */
    public static final class Builder {
        private InputFormat format = InputFormat.AUTO;
        private boolean strict;
        private Clock clock = Clock.systemUTC();
        private BadLineReporter reporter = BadLineReporter.stderr();
        private ProgressListener progress = ProgressListener.NONE;
        private int progressEvery = DEFAULT_PROGRESS_EVERY;
        private int maxLineBytes = DEFAULT_MAX_LINE_BYTES;
        private int maxNestingDepth = DEFAULT_MAX_NESTING_DEPTH;
        private int maxFeedBytes = DEFAULT_MAX_FEED_BYTES;

        private Builder() {
        }

        /** Forces a format for every input; {@link InputFormat#AUTO} (the default) decides per input. */
        public Builder format(InputFormat format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder reporter(BadLineReporter reporter) {
            this.reporter = Objects.requireNonNull(reporter, "reporter");
            return this;
        }

        /** Tells {@code progress} the counts so far every {@link #DEFAULT_PROGRESS_EVERY} lines read. */
        public Builder progress(ProgressListener progress) {
            return progress(progress, DEFAULT_PROGRESS_EVERY);
        }

        /** Tells {@code progress} the counts so far every {@code everyLines} lines read. */
        public Builder progress(ProgressListener progress, int everyLines) {
            if (everyLines < 1) {
                throw new IllegalArgumentException("progress interval must be at least 1 line, was " + everyLines);
            }
            this.progress = Objects.requireNonNull(progress, "progress");
            this.progressEvery = everyLines;
            return this;
        }

        public Builder maxLineBytes(int maxLineBytes) {
            if (maxLineBytes < 1) {
                throw new IllegalArgumentException("maximum line length must be at least 1 byte, was " + maxLineBytes);
            }
            this.maxLineBytes = maxLineBytes;
            return this;
        }

        public Builder maxNestingDepth(int maxNestingDepth) {
            if (maxNestingDepth < 1) {
                throw new IllegalArgumentException("maximum JSON nesting depth must be at least 1, was " + maxNestingDepth);
            }
            this.maxNestingDepth = maxNestingDepth;
            return this;
        }

        /** Feed documents larger than this are refused (reported as not readable) instead of being parsed. */
        public Builder maxFeedBytes(int maxFeedBytes) {
            if (maxFeedBytes < 1) {
                throw new IllegalArgumentException("maximum feed size must be at least 1 byte, was " + maxFeedBytes);
            }
            this.maxFeedBytes = maxFeedBytes;
            return this;
        }

        public IngestOptions build() {
            return new IngestOptions(this);
        }
    }
}
