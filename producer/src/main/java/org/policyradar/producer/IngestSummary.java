package org.policyradar.producer;

/**
 * The counts of one {@code ingest} call. Every non-blank line read is exactly one of published, skipped (a bad
 * line) or duplicate, so {@code read == published + skipped + duplicates}.
 *
 * @param read       non-blank lines read
 * @param published  items handed to the sink
 * @param skipped    bad lines, reported and skipped
 * @param duplicates items whose id had already been handed to the sink in this run
 * @param strict     whether the run was strict, that is whether any bad line makes it unsuccessful
 */
public record IngestSummary(long read, long published, long skipped, long duplicates, boolean strict) {

    /** False when the run was strict and at least one line was bad; a lenient run is always successful. */
    public boolean successful() {
        return !strict || skipped == 0;
    }

    @Override
    public String toString() {
        return "read " + read + ", published " + published + ", skipped " + skipped + ", duplicates " + duplicates
                + (successful() ? "" : " (strict: failed because of bad lines)");
    }
}
