package org.policyradar.producer;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * What one round of a {@link FeedPoller} did, feed by feed, in the order the feeds were given.
 *
 * @param feeds one outcome per feed polled
 */
public record PollResult(List<FeedOutcome> feeds) {

    public PollResult {
        feeds = List.copyOf(feeds);
    }

    /** How a feed's poll ended. */
    public enum Status {
        /** A full answer was read (and its new entries, if any, published). */
        FETCHED,
        /** The server answered 304 Not Modified: nothing was published. */
        NOT_MODIFIED,
        /** The feed could not be fetched or read, or its items could not be handed over; retried next round. */
        FAILED
    }

    /**
     * The outcome for one feed.
     *
     * @param feed        the feed's URL
     * @param status      how the poll ended
     * @param entries     entries in the document read (0 unless fetched)
     * @param published   new entries handed to the sink
     * @param alreadySeen entries handled in an earlier poll (or earlier in the same document), not published again
     * @param skipped     new entries that could not be made into items (reported)
     * @param reason      why the poll failed; null unless {@link Status#FAILED}
     */
    public record FeedOutcome(URI feed, Status status, long entries, long published, long alreadySeen, long skipped,
                              String reason) {

        public FeedOutcome {
            Objects.requireNonNull(feed, "feed");
            Objects.requireNonNull(status, "status");
        }

        @Override
        public String toString() {
            return switch (status) {
                case NOT_MODIFIED -> feed + ": not modified";
                case FAILED -> feed + ": failed: " + reason
                        + (published == 0 ? "" : " (after publishing " + published + ")");
                case FETCHED -> feed + ": " + entries + " entries, published " + published + ", already seen "
                        + alreadySeen + ", skipped " + skipped;
            };
        }
    }

    /** Items published in this round, over all feeds. */
    public long published() {
        return feeds.stream().mapToLong(FeedOutcome::published).sum();
    }

    /** The number of feeds with the given status. */
    public long count(Status status) {
        return feeds.stream().filter(f -> f.status() == status).count();
    }

    @Override
    public String toString() {
        return feeds.size() + " feeds: published " + published() + ", fetched " + count(Status.FETCHED)
                + ", not modified " + count(Status.NOT_MODIFIED) + ", failed " + count(Status.FAILED);
    }
}
