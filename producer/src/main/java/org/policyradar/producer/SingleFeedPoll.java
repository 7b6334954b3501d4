package org.policyradar.producer;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.policyradar.avro.NewsItem;

/**
 * Polls one feed once for {@link FeedPoller}: a conditional GET with the feed's last validators, the entries not
 * handled before mapped to news items and handed to the sink, then the feed's state (keys handled, validators)
 * saved. Keeps the state of every feed it has polled in memory, loaded from the {@link FeedStateStore} on first use.
 * Every failure is reported to the options' reporter and returned as a {@link PollResult.Status#FAILED} outcome.
 */
final class SingleFeedPoll {

    private final FeedFetcher fetcher;
    private final FeedStateStore store;
    private final IngestOptions options;
    private final Consumer<NewsItem> sink;
    private final BooleanSupplier deliveryCheck;
    private final Map<URI, FeedState> states = new HashMap<>();

    SingleFeedPoll(FeedFetcher fetcher, FeedStateStore store, IngestOptions options, Consumer<NewsItem> sink,
                   BooleanSupplier deliveryCheck) {
        this.fetcher = fetcher;
        this.store = store;
        this.options = options;
        this.sink = sink;
        this.deliveryCheck = deliveryCheck;
    }

    /** Polls {@code feed} once. Failures are reported and returned, never thrown (a bug aside). */
    PollResult.FeedOutcome poll(URI feed) {
        FeedState state = state(feed);
        FeedFetcher.Response response;
        try {
            response = fetcher.fetch(feed, state.validators());
        } catch (IOException e) {
            return failed(feed, e.getMessage(), 0, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failed(feed, "interrupted", 0, 0);
        }
        if (response.notModified()) {
            return new PollResult.FeedOutcome(feed, PollResult.Status.NOT_MODIFIED, 0, 0, 0, 0, null);
        }
        SyndFeed document;
        try {
            document = FeedParser.parse(feed.toString(), response.body(), response.contentType());
        } catch (FeedFormatException e) {
            return failed(feed, e.reason(), 0, 0);
        }

        FeedEntryMapper mapper = new FeedEntryMapper(document, feed.toString(), options.clock());
        List<SyndEntry> entries = FeedEntryMapper.entries(document);
        // keys of entries still in the feed are refreshed, so that the bound forgets only entries that have left
        LinkedHashSet<String> handled = new LinkedHashSet<>();
        List<String> publishedKeys = new ArrayList<>();
        long alreadySeen = 0;
        long skipped = 0;
        String failure = null;
        int number = 0;
        for (SyndEntry entry : entries) {
            number++;
            String key = mapper.key(entry);
            if (state.hasSeen(key) || handled.contains(key)) {
                alreadySeen++;
                handled.add(key);
                continue;
            }
            NewsItem item;
            try {
                item = mapper.item(entry);
            } catch (BadLineException e) {
                skipped++;
                handled.add(key);
                options.reporter().report(new BadLine(feed.toString(), BadLine.NO_LINE,
                        mapper.describe(entry, number) + ": " + e.getMessage()));
                continue;
            }
            try {
                sink.accept(item);
            } catch (RuntimeException e) {
                failure = "the sink refused an item: " + e;
                break;
            }
            handled.add(key);
            publishedKeys.add(key);
        }
        long published = publishedKeys.size();
        if (published > 0 && !deliveryCheck.getAsBoolean()) {
            // nothing of this round counts as handed over: the next round reads the whole feed and sends it again
            failure = (failure == null ? "" : failure + "; ") + "the sink did not confirm delivery of the "
                    + published + " items of this poll";
            handled.removeAll(publishedKeys);
            published = 0;
        }
        state.rememberAll(handled);
        if (failure == null) {
            state.validators(response.validators());
        }
        try {
            store.save(state);
        } catch (IOException e) {
            failure = (failure == null ? "" : failure + "; ") + "could not save the feed state: " + e.getMessage();
        }
        if (failure != null) {
            return failed(feed, failure, published, skipped);
        }
        return new PollResult.FeedOutcome(feed, PollResult.Status.FETCHED, entries.size(), published, alreadySeen,
                skipped, null);
    }

    /** Reports that polling {@code feed} failed and returns the outcome that says so. */
    PollResult.FeedOutcome failed(URI feed, String reason, long published, long skipped) {
        options.reporter().report(new BadLine(feed.toString(), BadLine.NO_LINE, reason
                + " (will retry at the next poll)"));
        return new PollResult.FeedOutcome(feed, PollResult.Status.FAILED, 0, published, 0, skipped, reason);
    }

    private FeedState state(URI feed) {
        FeedState state = states.get(feed);
        if (state == null) {
            try {
                state = store.load(feed);
            } catch (IOException e) {
                state = freshStateAfter(feed, e);
            }
            states.put(feed, state);
        }
        return state;
    }

    // an unreadable state file is moved aside rather than retried forever: the feed's current entries are then
    // published again under the same ids, which consumers de-duplicate, instead of the feed never being followed
    private FeedState freshStateAfter(URI feed, IOException problem) {
        Path file = store.fileFor(feed);
        Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
        String what;
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            what = "moved to " + aside;
        } catch (IOException e) {
            what = "could not be moved aside: " + e.getMessage();
        }
        options.reporter().report(new BadLine(feed.toString(), BadLine.NO_LINE, problem.getMessage() + "; " + what
                + "; starting afresh: entries still in the feed will be published again with the same ids"));
        return store.empty(feed);
    }
}
