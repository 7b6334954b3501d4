package org.policyradar.producer;

import java.net.URI;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What a {@link FeedPoller} remembers about one feed between polls and restarts: the validators of the last full
 * answer, and the keys of the entries already handled (see {@link FeedEntryMapper#key}), at most a fixed number,
 * the least recently seen forgotten first. A key stays fresh while its entry is still in the feed, so only entries
 * that have left the feed are forgotten.
 */
final class FeedState {

    private final URI feed;
    private final int maxKeys;
    // insertion order is recency: a key seen again is moved to the end
    private final LinkedHashSet<String> keys = new LinkedHashSet<>();
    private FeedFetcher.Validators validators = FeedFetcher.Validators.NONE;

    FeedState(URI feed, int maxKeys) {
        this.feed = feed;
        this.maxKeys = maxKeys;
    }

    URI feed() {
        return feed;
    }

    FeedFetcher.Validators validators() {
        return validators;
    }

    void validators(FeedFetcher.Validators validators) {
        this.validators = validators;
    }

    boolean hasSeen(String key) {
        return keys.contains(key);
    }

    /** Remembers {@code key} as the most recently seen, forgetting the oldest keys beyond the bound. */
    void remember(String key) {
        keys.remove(key);
        keys.add(key);
        Iterator<String> oldest = keys.iterator();
        while (keys.size() > maxKeys) {
            oldest.next();
            oldest.remove();
        }
    }

    void rememberAll(Collection<String> keysOldestFirst) {
        keysOldestFirst.forEach(this::remember);
    }

    /** The keys, least recently seen first. */
    List<String> keys() {
        return List.copyOf(keys);
    }
}
