package org.policyradar.producer;

/** Told how far a long ingestion has come; called on the ingesting thread every N lines read. */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores progress. */
    ProgressListener NONE = soFar -> { };

    /** @param soFar the counts of the current {@code ingest} call so far */
    void onProgress(IngestSummary soFar);
}
