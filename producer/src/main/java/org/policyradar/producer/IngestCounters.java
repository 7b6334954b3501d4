package org.policyradar.producer;

import java.util.Set;
import java.util.function.Consumer;
import org.policyradar.avro.NewsItem;

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
    long failedInputs;

    IngestCounters(IngestOptions options) {
        this.options = options;
    }

    /**
     * Hands the item to the sink unless its id was handed over before in this run (then it counts as a
     * duplicate). The id is remembered only once the sink took the item, so a sink that throws loses nothing.
     */
    void publishOnce(NewsItem item, Set<String> seenIds, Consumer<NewsItem> sink) {
        if (seenIds.contains(item.getId())) {
            duplicates++;
        } else {
            sink.accept(item);
            seenIds.add(item.getId());
            published++;
        }
    }

    /** Tells the progress listener when another {@link IngestOptions#progressEvery()} items have been read. */
    void afterItem() {
        if (read % options.progressEvery() == 0) {
            options.progress().onProgress(summary());
        }
    }

    IngestSummary summary() {
        return new IngestSummary(read, published, skipped, duplicates, failedInputs, options.strict());
    }
}
