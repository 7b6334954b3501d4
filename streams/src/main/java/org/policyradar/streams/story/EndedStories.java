package org.policyradar.streams.story;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.policyradar.avro.StoryState;

/** The stories of a store that stream time has left behind, for the processors' sweeps of their state. */
public final class EndedStories {

    /** How often, in stream time, the story and conflict processors sweep what stream time has left behind. */
    public static final Duration SWEEP_INTERVAL = Duration.ofDays(1);

    private EndedStories() {
    }

    /**
     * Keys of the stories whose last report lies before the horizon. Collected first and deleted by the caller, so
     * that the store is never changed under an open iterator.
     */
    public static List<String> before(KeyValueStore<String, StoryState> stories, Instant horizon) {
        List<String> ended = new ArrayList<>();
        try (KeyValueIterator<String, StoryState> all = stories.all()) {
            while (all.hasNext()) {
                KeyValue<String, StoryState> entry = all.next();
                if (entry.value.getSummary().getLastSeen().isBefore(horizon)) {
                    ended.add(entry.key);
                }
            }
        }
        return ended;
    }
}
