package org.policyradar.producer;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.policyradar.avro.NewsItem;

/**
 * Reads one RSS (0.9x, 1.0, 2.0) or Atom document, a feed file or a downloaded body, with Rome and hands every entry
 * to a sink as a normalised {@link NewsItem}, through the same normalisation, ids and event times as lines (see
 * {@link FeedEntryMapper} for the mapping of fields). An entry with no description, content or title is reported
 * ({@link BadLine} with {@link BadLine#NO_LINE} and the entry's number in the reason), skipped and counted.
 *
 * <p>Hostile XML is refused: a document with a DOCTYPE declaration is not parsed, so no external entity is ever
 * read. A document larger than {@link IngestOptions#maxFeedBytes()} is refused before parsing.
 *
 * <p>One reader is one run: an id handed to the sink once counts as a duplicate in every later {@code read} of the
 * same reader. Not thread-safe.
 */
public final class FeedReader {

    private final IngestOptions options;
    private final Set<String> seenIds;

    public FeedReader(IngestOptions options) {
        this(options, new HashSet<>());
    }

    /** A reader that shares the ids already handed over with a {@link NewsIngestor} of the same run. */
    FeedReader(IngestOptions options, Set<String> seenIds) {
        this.options = Objects.requireNonNull(options, "options");
        this.seenIds = seenIds;
    }

    /**
     * Reads one feed document. The stream is not closed.
     *
     * @param name the feed as named in reports and in the {@code feed} attribute: a path or a URL; when the feed
     *             has no title, the source of its items is the URL's host or the path's file name
     * @return the counts: entries read, published, skipped (no text) and duplicates
     * @throws FeedFormatException when the document is not a readable RSS or Atom feed
     * @throws IOException         when reading the stream fails
     */
    public IngestSummary read(String name, InputStream in, Consumer<NewsItem> sink) throws IOException {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sink, "sink");
        IngestCounters counters = new IngestCounters(options);
        read(name, in, null, sink, counters);
        return counters.summary();
    }

    /** Reads one feed document into the counts of a larger run; {@code contentType} is that of a download. */
    void read(String name, InputStream in, String contentType, Consumer<NewsItem> sink, IngestCounters counters)
            throws IOException {
        SyndFeed feed = FeedParser.parse(name, in, contentType, options.maxFeedBytes());
        FeedEntryMapper mapper = new FeedEntryMapper(feed, name, options.clock());
        int number = 0;
        for (SyndEntry entry : FeedEntryMapper.entries(feed)) {
            number++;
            counters.read++;
            try {
                NewsItem item = mapper.item(entry);
                counters.publishOnce(item, seenIds, sink);
            } catch (BadLineException e) {
                counters.skipped++;
                options.reporter().report(new BadLine(name, BadLine.NO_LINE,
                        mapper.describe(entry, number) + ": " + e.getMessage()));
            }
            counters.afterItem();
        }
    }
}
