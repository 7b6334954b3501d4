package org.policyradar.streams.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.avro.PolicyTopic;
import org.policyradar.avro.StoryState;
import org.policyradar.streams.conflict.StoryConflicts;

/**
 * Matches a changed story against the open stories of one policy topic (key: the topic): every pressing and
 * resisting pair whose periods meet gives its conflict, a pure function of the two stories' coarse states. All
 * stories of a topic meet in one task, so each conflict id has exactly one writer and its updates stay in order.
 * A story is matched only when its coarse view changed (see {@link StoryProcessor}), so the cost grows with the
 * number of stories and of their changes, not with the number of articles.
 *
 * <p>Store keys: {@code <topic>|<storyId>}; a story with positions on two topics is kept under both.
 */
final class StoryMatchProcessor implements Processor<String, StoryState, String, PolicyConflict> {

    private static final Serializer<String> KEY_SERIALIZER = Serdes.String().serializer();

    private final DetectionSettings settings;
    private final StoryConflicts conflicts;
    private ProcessorContext<String, PolicyConflict> context;
    private KeyValueStore<String, StoryState> stories;

    StoryMatchProcessor(DetectionSettings settings, StoryConflicts conflicts) {
        this.settings = settings;
        this.conflicts = conflicts;
    }

    @Override
    public void init(ProcessorContext<String, PolicyConflict> context) {
        this.context = context;
        this.stories = context.getStateStore(TopologyNames.TOPIC_STORIES_STORE);
        context.schedule(StoryProcessor.SWEEP_INTERVAL, PunctuationType.STREAM_TIME, this::sweep);
    }

    @Override
    public void process(Record<String, StoryState> record) {
        PolicyTopic topic = PolicyTopic.valueOf(record.key());
        StoryState story = record.value();
        String prefix = prefix(topic);
        stories.put(prefix + story.getSummary().getStoryId(), story);
        try (KeyValueIterator<String, StoryState> others = stories.prefixScan(prefix, KEY_SERIALIZER)) {
            while (others.hasNext()) {
                StoryState other = others.next().value;
                forward(conflicts.between(topic, story, other), record);
                forward(conflicts.between(topic, other, story), record);
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
        Instant horizon = Instant.ofEpochMilli(streamTime).minus(settings.stateRetention());
        List<String> ended = new ArrayList<>();
        try (KeyValueIterator<String, StoryState> all = stories.all()) {
            while (all.hasNext()) {
                KeyValue<String, StoryState> entry = all.next();
                if (entry.value.getSummary().getLastSeen().isBefore(horizon)) {
                    ended.add(entry.key);
                }
            }
        }
        ended.forEach(stories::delete);
    }
}
