package org.policyradar.producer;

/**
 * The counts of one {@code ingest} call. Every non-blank line read is exactly one of published, skipped (a bad
 * line) or duplicate, so {@code read == published + skipped + duplicates}; inputs that could not be read at all
 * (no such file, an HTTP error) are counted apart.
 *
 * @param read         non-blank lines read
 * @param published    items handed to the sink
 * @param skipped      bad lines, reported and skipped
 * @param duplicates   items whose id had already been handed to the sink in this run
 * @param failedInputs inputs that could not be opened, downloaded or read, each reported as {@code INPUT: reason}
 * @param strict       whether the run was strict, that is whether any bad line makes it unsuccessful
 */
public record IngestSummary(long read, long published, long skipped, long duplicates, long failedInputs,
                            boolean strict) {

    /** The counts of a run in which every input could be read. */
    public IngestSummary(long read, long published, long skipped, long duplicates, boolean strict) {
        this(read, published, skipped, duplicates, 0, strict);
    }

    /**
     * False when an input could not be read, or when the run was strict and at least one line was bad; a lenient
     * run whose inputs could all be read is successful.
     */
    public boolean successful() {
        return failedInputs == 0 && (!strict || skipped == 0);
    }

    @Override
    public String toString() {
        return "read " + read + ", published " + published + ", skipped " + skipped + ", duplicates " + duplicates
                + (failedInputs == 0 ? "" : ", failed inputs " + failedInputs)
                + (strict && skipped > 0 ? " (strict: failed because of bad lines)" : "");
    }
}
