package org.policyradar.streams.conflict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyradar.streams.topology.StoryRecords.RULE_VERSION;
import static org.policyradar.streams.topology.StoryRecords.T0;
import static org.policyradar.streams.topology.StoryRecords.aPressingStory;
import static org.policyradar.streams.topology.StoryRecords.aResistingStory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.avro.PolicyTopic;
import org.policyradar.streams.topology.PipelineSerdes;
import org.policyradar.streams.topology.ProcessorStores;
import org.policyradar.streams.topology.TopologyNames.InternalResources;
import org.policyradar.testkit.InMemoryRegistry;

/** The conflict step on its own: new and changed conflicts are passed on, repeats are not, ended ones are swept. */
class ConflictAggregateProcessorTest {

    private static final Duration CONFLICT_WINDOW = Duration.ofDays(30);
    /** The window plus a retention of two days. */
    private static final Duration STATE_RETENTION = Duration.ofDays(32);

    @RegisterExtension
    static final InMemoryRegistry REGISTRY = new InMemoryRegistry();

    private final StoryConflicts storyConflicts = new StoryConflicts(new ConflictRules(RULE_VERSION),
            CONFLICT_WINDOW);
    private MockProcessorContext<String, ConflictUpdate> context;
    private KeyValueStore<String, PolicyConflict> conflicts;
    private ConflictAggregateProcessor processor;

    @BeforeEach
    void initProcessor() {
        context = new MockProcessorContext<>();
        conflicts = ProcessorStores.keyValueStore(InternalResources.CONFLICTS_STORE, PipelineSerdes.fromRegistry(REGISTRY.serdeConfig()).policyConflict(), context);
        processor = new ConflictAggregateProcessor(InternalResources.CONFLICTS_STORE, STATE_RETENTION);
        processor.init(context);
    }

    /** The conflict of a pressing and a resisting story, both first reported at {@code time}. */
    private PolicyConflict aConflict(String pressingStory, String resistingStory, Instant time) {
        return storyConflicts.between(PolicyTopic.COOPERATION, aPressingStory(pressingStory, time),
                aResistingStory(resistingStory, time)).orElseThrow();
    }

    private void process(PolicyConflict conflict) {
        processor.process(new Record<>(conflict.getConflictId(), conflict, conflict.getFirstSeen().toEpochMilli()));
    }

    private List<ConflictUpdate> forwardedUpdates() {
        return context.forwarded().stream().map(f -> (ConflictUpdate) f.record().value()).toList();
    }

    @Test
    void shouldForwardAConflictSeenForTheFirstTimeAsNewAndKeepIt() {
        PolicyConflict conflict = aConflict("story-doj", "story-nypd", T0);

        process(conflict);

        assertThat(context.forwarded()).singleElement()
                .satisfies(forward -> assertThat(forward.record().key()).isEqualTo(conflict.getConflictId()));
        assertThat(forwardedUpdates()).containsExactly(new ConflictUpdate(conflict, true));
        assertThat(conflicts.get(conflict.getConflictId())).isEqualTo(conflict);
    }

    @Test
    void shouldForwardAChangedConflictAsNotNewAndDropARepeat() {
        PolicyConflict first = aConflict("story-doj", "story-nypd", T0);
        PolicyConflict later = PolicyConflict.newBuilder(first).setLastSeen(T0.plus(Duration.ofDays(1))).build();

        process(first);
        process(first);
        process(later);
        process(later);

        assertThat(forwardedUpdates()).containsExactly(new ConflictUpdate(first, true),
                new ConflictUpdate(later, false));
        assertThat(conflicts.get(first.getConflictId())).isEqualTo(later);
    }

    @Test
    void shouldScheduleOneDailySweepOnStreamTime() {
        assertThat(context.scheduledPunctuators()).singleElement().satisfies(punctuator -> {
            assertThat(punctuator.getType()).isEqualTo(PunctuationType.STREAM_TIME);
            assertThat(punctuator.getInterval()).isEqualTo(Duration.ofDays(1));
        });
    }

    @Test
    void shouldSweepOnlyConflictsLastSeenBeforeStreamTimeMinusTheStateRetention() {
        PolicyConflict ended = aConflict("story-doj", "story-nypd", T0);
        PolicyConflict open = aConflict("story-dhs", "story-chicago", T0.plus(Duration.ofDays(3)));
        process(ended);
        process(open);
        context.resetForwards();
        var sweep = context.scheduledPunctuators().get(0).getPunctuator();

        sweep.punctuate(ended.getLastSeen().plus(STATE_RETENTION).toEpochMilli());
        assertThat(conflicts.get(ended.getConflictId())).as("last seen exactly at the horizon").isNotNull();

        sweep.punctuate(ended.getLastSeen().plus(STATE_RETENTION).plusMillis(1).toEpochMilli());
        assertThat(conflicts.get(ended.getConflictId())).isNull();
        assertThat(conflicts.get(open.getConflictId())).isEqualTo(open);
        assertThat(context.forwarded()).as("a sweep forwards nothing").isEmpty();
    }

    @Test
    void shouldForwardASweptConflictAsNewWhenItIsObservedAgain() {
        PolicyConflict conflict = aConflict("story-doj", "story-nypd", T0);
        process(conflict);
        context.scheduledPunctuators().get(0).getPunctuator()
                .punctuate(conflict.getLastSeen().plus(STATE_RETENTION).plus(Duration.ofDays(1)).toEpochMilli());
        context.resetForwards();

        process(conflict);

        assertThat(forwardedUpdates()).containsExactly(new ConflictUpdate(conflict, true));
    }
}
