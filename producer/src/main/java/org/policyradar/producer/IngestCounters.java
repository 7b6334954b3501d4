package org.policyradar.producer;

/**
 * The mutable counts behind an {@link IngestSummary}, shared by the line and the feed readers so that one
 * {@code ingest} call over several inputs of either kind adds up, and progress is told every N items read.
 */
final class IngestCounters {

    private final IngestOptions options;
    long read;
    long published;
    long skipped;
    long duplicates;

    IngestCounters(IngestOptions options) {
        this.options = options;
    }

    /** Tells the progress listener when another {@link IngestOptions#progressEvery()} items have been read. */
    void afterItem() {
        if (read % options.progressEvery() == 0) {
            options.progress().onProgress(summary());
        }
    }

    IngestSummary summary() {
        return new IngestSummary(read, published, skipped, duplicates, options.strict());
    }
}
