package org.policyradar.streams.conflict;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.policyradar.avro.ConflictParty;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.avro.PolicyPosition;
import org.policyradar.avro.PolicyTopic;
import org.policyradar.avro.StoryState;
import org.policyradar.streams.story.EndedStories;

/**
 * Matches a changed story against the open stories of one policy topic (key: the topic): every pressing and
 * resisting pair whose periods meet gives its conflict, a pure function of the two stories' coarse states. All
 * stories of a topic meet in one task, so each conflict id has exactly one writer and its updates stay in order.
 * A story is matched only when its coarse view changed (see the story processor), so the cost grows with the
 * number of stories and of their changes, not with the number of articles.
 *
 * <p>Store keys: {@code <topic>|<storyId>}; a story with positions on two topics is kept under both. The task
 * also keeps its stories decoded in memory, loaded from the store when the task starts: a match reads every open
 * story of its topic, and decoding each from the store every time was most of the matching cost. The store
 * stays the source of truth (this processor is its only writer, and a restarted or revived task reloads it).
 */
public final class StoryMatchProcessor implements Processor<String, StoryState, String, PolicyConflict> {

    private final String storeName;
    private final Duration stateRetention;
    private final StoryConflicts conflicts;
    private ProcessorContext<String, PolicyConflict> context;
    private KeyValueStore<String, StoryState> stories;
    private final Map<PolicyTopic, OpenStories> decoded = new EnumMap<>(PolicyTopic.class);

    /**
     * A decoded open story with whether it presses or resists on the topic it is kept under: a pair can only
     * conflict when one side presses and the other resists, so the pairs that cannot are skipped without
     * calling {@link StoryConflicts#between} (which would find no pair of positions and return empty).
     */
    private record OpenStory(StoryState state, boolean presses, boolean resists) {

        static OpenStory of(PolicyTopic topic, StoryState state) {
            boolean presses = false;
            boolean resists = false;
            for (ConflictParty party : state.getParties()) {
                PolicyPosition position = party.getPosition();
                if (position.getTopic() == topic) {
                    presses |= ConflictRules.isPressing(position);
                    resists |= ConflictRules.isResisting(position);
                }
            }
            return new OpenStory(state, presses, resists);
        }
    }

    /**
     * The open stories of one topic by story id, and the pressing and the resisting ones apart: a changed story
     * that only presses needs to meet only the resisting ones (and the reverse), so a match does not walk the
     * stories that could never pair with it. Each map iterates in story-id order, as the one map did before.
     */
    private static final class OpenStories {
        private final Map<String, OpenStory> all = new TreeMap<>();
        private final Map<String, OpenStory> pressing = new TreeMap<>();
        private final Map<String, OpenStory> resisting = new TreeMap<>();

        void put(String storyId, OpenStory story) {
            all.put(storyId, story);
            keepIf(pressing, storyId, story, story.presses());
            keepIf(resisting, storyId, story, story.resists());
        }

        void remove(String storyId) {
            all.remove(storyId);
            pressing.remove(storyId);
            resisting.remove(storyId);
        }

        /** The stories {@code changed} can form a pair with, in either direction. */
        Collection<OpenStory> partnersOf(OpenStory changed) {
            if (changed.presses() && changed.resists()) {
                return all.values();
            }
            if (changed.presses()) {
                return resisting.values();
            }
            return changed.resists() ? pressing.values() : List.of();
        }

        private static void keepIf(Map<String, OpenStory> side, String storyId, OpenStory story, boolean member) {
            if (member) {
                side.put(storyId, story);
            } else {
                side.remove(storyId);
            }
        }
    }

    /**
     * @param storeName      the key-value store of the open stories, by {@code <topic>|<storyId>}
     * @param stateRetention how long after its last report a story is kept (its window, then the retention)
     * @param conflicts      the conflict between two stories
     */
    public StoryMatchProcessor(String storeName, Duration stateRetention, StoryConflicts conflicts) {
        this.storeName = storeName;
        this.stateRetention = stateRetention;
        this.conflicts = conflicts;
    }

    @Override
    public void init(ProcessorContext<String, PolicyConflict> context) {
        this.context = context;
        this.stories = context.getStateStore(storeName);
        decoded.clear();
        try (KeyValueIterator<String, StoryState> all = stories.all()) {
            while (all.hasNext()) {
                KeyValue<String, StoryState> entry = all.next();
                PolicyTopic topic = PolicyTopic.valueOf(entry.key.substring(0, entry.key.indexOf('|')));
                decoded.computeIfAbsent(topic, t -> new OpenStories())
                        .put(entry.value.getSummary().getStoryId(), OpenStory.of(topic, entry.value));
            }
        }
        context.schedule(EndedStories.SWEEP_INTERVAL, PunctuationType.STREAM_TIME, this::sweep);
    }

    @Override
    public void process(Record<String, StoryState> record) {
        PolicyTopic topic = PolicyTopic.valueOf(record.key());
        StoryState story = record.value();
        String storyId = story.getSummary().getStoryId();
        stories.put(prefix(topic) + storyId, story);
        OpenStories open = decoded.computeIfAbsent(topic, t -> new OpenStories());
        OpenStory changed = OpenStory.of(topic, story);
        open.put(storyId, changed);
        for (OpenStory other : open.partnersOf(changed)) {
            if (changed.presses() && other.resists()) {
                forward(conflicts.between(topic, story, other.state()), record);
            }
            if (other.presses() && changed.resists()) {
                forward(conflicts.between(topic, other.state(), story), record);
            }
        }
    }

    private void forward(Optional<PolicyConflict> conflict, Record<String, StoryState> cause) {
        conflict.ifPresent(c -> context.forward(new Record<>(c.getConflictId(), c, cause.timestamp())));
    }

    private static String prefix(PolicyTopic topic) {
        return topic.name() + "|";
    }

    private void sweep(long streamTime) {
        Instant horizon = Instant.ofEpochMilli(streamTime).minus(stateRetention);
        List<String> ended = EndedStories.before(stories, horizon);
        ended.forEach(key -> {
            stories.delete(key);
            OpenStories open = decoded.get(PolicyTopic.valueOf(key.substring(0, key.indexOf('|'))));
            if (open != null) {
                open.remove(key.substring(key.indexOf('|') + 1));
            }
        });
    }
}
