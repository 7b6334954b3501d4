package org.policyradar.streams.conflict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyradar.streams.topology.StoryRecords.RULE_VERSION;
import static org.policyradar.streams.topology.StoryRecords.T0;
import static org.policyradar.streams.topology.StoryRecords.aPressingPosition;
import static org.policyradar.streams.topology.StoryRecords.aPressingStory;
import static org.policyradar.streams.topology.StoryRecords.aResistingPosition;
import static org.policyradar.streams.topology.StoryRecords.aResistingStory;
import static org.policyradar.streams.topology.StoryRecords.anEnrichedItem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.avro.PolicyTopic;
import org.policyradar.avro.StoryState;
import org.policyradar.streams.story.StoryFold;
import org.policyradar.streams.topology.PipelineSerdes;
import org.policyradar.streams.topology.ProcessorStores;
import org.policyradar.streams.topology.TopologyNames.InternalResources;
import org.policyradar.testkit.InMemoryRegistry;

/** The matching step on its own: the layout of its store, what it forwards, what its sweep removes. */
class StoryMatchProcessorTest {

    private static final Duration CONFLICT_WINDOW = Duration.ofDays(30);
    /** The window plus a retention of two days. */
    private static final Duration STATE_RETENTION = Duration.ofDays(32);
    private static final String TOPIC = PolicyTopic.COOPERATION.name();

    @RegisterExtension
    static final InMemoryRegistry REGISTRY = new InMemoryRegistry();

    private final StoryConflicts conflicts = new StoryConflicts(new ConflictRules(RULE_VERSION),
            CONFLICT_WINDOW);
    private MockProcessorContext<String, PolicyConflict> context;
    private KeyValueStore<String, StoryState> stories;
    private StoryMatchProcessor processor;

    @BeforeEach
    void initProcessor() {
        context = new MockProcessorContext<>();
        stories = ProcessorStores.keyValueStore(InternalResources.TOPIC_STORIES_STORE, PipelineSerdes.fromRegistry(REGISTRY.serdeConfig()).storyState(), context);
        processor = new StoryMatchProcessor(InternalResources.TOPIC_STORIES_STORE, STATE_RETENTION, conflicts);
        processor.init(context);
    }

    private void process(String topic, StoryState story) {
        processor.process(new Record<>(topic, story, story.getSummary().getFirstSeen().toEpochMilli()));
    }

    private List<String> storeKeys() {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, StoryState> all = stories.all()) {
            all.forEachRemaining(entry -> keys.add(entry.key));
        }
        return keys;
    }

    private List<Record<String, PolicyConflict>> forwardedConflicts() {
        List<Record<String, PolicyConflict>> records = new ArrayList<>();
        context.forwarded().forEach(f -> records.add(new Record<>(f.record().key(), f.record().value(),
                f.record().timestamp())));
        return records;
    }

    @Test
    void shouldKeepEachStoryUnderItsTopicAndStoryId() {
        process(TOPIC, aPressingStory("story-doj", T0));
        process(TOPIC, aResistingStory("story-nypd", T0));

        assertThat(storeKeys()).containsExactly("COOPERATION|story-doj", "COOPERATION|story-nypd");
        assertThat(stories.get("COOPERATION|story-nypd")).isEqualTo(aResistingStory("story-nypd", T0));
    }

    @Test
    void shouldKeepAStoryWithPositionsOnTwoTopicsUnderBoth() {
        StoryState twoTopics = StoryFold.coarse(StoryFold.add(null, anEnrichedItem().setStoryId("story-two")
                .setPositions(List.of(aResistingPosition().build(),
                        aResistingPosition().setTopic(PolicyTopic.BORDER).build()))
                .build()));

        process(PolicyTopic.COOPERATION.name(), twoTopics);
        process(PolicyTopic.BORDER.name(), twoTopics);

        assertThat(storeKeys()).containsExactlyInAnyOrder("COOPERATION|story-two", "BORDER|story-two");
    }

    @Test
    void shouldForwardTheConflictOfAPressingAndAResistingStoryKeyedByConflictIdAtTheCausesTime() {
        process(TOPIC, aPressingStory("story-doj", T0));
        assertThat(context.forwarded()).isEmpty();

        process(TOPIC, aResistingStory("story-nypd", T0.plus(Duration.ofHours(2))));

        String conflictId = ConflictRules.conflictId(PolicyTopic.COOPERATION, "story-doj", "story-nypd");
        assertThat(forwardedConflicts()).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(conflictId);
            assertThat(record.value().getConflictId()).isEqualTo(conflictId);
            assertThat(record.value().getPressing().getStoryId()).isEqualTo("story-doj");
            assertThat(record.value().getResisting().getStoryId()).isEqualTo("story-nypd");
            assertThat(record.timestamp()).isEqualTo(T0.plus(Duration.ofHours(2)).toEpochMilli());
        });
    }

    @Test
    void shouldForwardTheSameConflictWhicheverStoryArrivesFirst() {
        process(TOPIC, aPressingStory("story-doj", T0));
        process(TOPIC, aResistingStory("story-nypd", T0));
        PolicyConflict pressingFirst = forwardedConflicts().get(0).value();

        initProcessor();
        process(TOPIC, aResistingStory("story-nypd", T0));
        process(TOPIC, aPressingStory("story-doj", T0));

        assertThat(forwardedConflicts()).singleElement()
                .satisfies(record -> assertThat(record.value()).isEqualTo(pressingFirst));
    }

    @Test
    void shouldMatchAgainstTheStoriesOfItsStoreAfterARestart() {
        stories.put("COOPERATION|story-doj", aPressingStory("story-doj", T0));
        initProcessorOnTheSameStore();

        process(TOPIC, aResistingStory("story-nypd", T0));

        assertThat(forwardedConflicts()).singleElement().satisfies(record -> assertThat(record.key())
                .isEqualTo(ConflictRules.conflictId(PolicyTopic.COOPERATION, "story-doj", "story-nypd")));
    }

    @Test
    void shouldNotMatchTwoStoriesOnTheSameSide() {
        process(TOPIC, aResistingStory("story-nypd", T0));
        process(TOPIC, aResistingStory("story-chicago", T0));

        assertThat(context.forwarded()).isEmpty();
    }

    @Test
    void shouldSweepEndedStoriesFromTheStoreAndFromMatching() {
        process(TOPIC, aPressingStory("story-doj", T0));
        process(TOPIC, aPressingStory("story-dhs", T0.plus(Duration.ofDays(3))));
        assertThat(context.scheduledPunctuators()).singleElement().satisfies(punctuator -> {
            assertThat(punctuator.getType()).isEqualTo(PunctuationType.STREAM_TIME);
            assertThat(punctuator.getInterval()).isEqualTo(Duration.ofDays(1));
        });

        // stories are kept coarse: story-doj was last seen on the day that starts at 2025-02-03T00:00Z
        context.scheduledPunctuators().get(0).getPunctuator()
                .punctuate(StoryFold.startOfDay(T0).plus(STATE_RETENTION).plusMillis(1).toEpochMilli());

        assertThat(storeKeys()).containsExactly("COOPERATION|story-dhs");
        assertThat(context.forwarded()).as("a sweep forwards nothing").isEmpty();

        // a resisting story whose period meets both: only the one still open is matched
        process(TOPIC, aResistingStory("story-nypd", T0.plus(Duration.ofDays(1))));

        assertThat(forwardedConflicts()).singleElement().satisfies(record -> assertThat(record.key())
                .isEqualTo(ConflictRules.conflictId(PolicyTopic.COOPERATION, "story-dhs", "story-nypd")));
    }

    @Test
    void shouldPairAStoryThatPressesAndResistsWithStoriesOfBothSidesInStoryIdOrder() {
        process(TOPIC, aPressingStory("story-a-doj", T0));
        process(TOPIC, aResistingStory("story-z-nypd", T0));
        context.resetForwards();
        StoryState bothSides = StoryFold.coarse(StoryFold.add(null, anEnrichedItem().setItemId("story-m-1")
                .setStoryId("story-m").setPositions(List.of(aPressingPosition().build(), aResistingPosition().build()))
                .build()));

        process(TOPIC, bothSides);

        assertThat(forwardedConflicts()).extracting(Record::key).containsExactly(
                ConflictRules.conflictId(PolicyTopic.COOPERATION, "story-a-doj", "story-m"),
                ConflictRules.conflictId(PolicyTopic.COOPERATION, "story-m", "story-z-nypd"));
    }

    @Test
    void shouldMatchAChangedResistingStoryOnlyWithThePressingOnes() {
        process(TOPIC, aPressingStory("story-doj", T0));
        process(TOPIC, aResistingStory("story-chicago", T0));
        process(TOPIC, aPressingStory("story-dhs", T0));
        context.resetForwards();

        process(TOPIC, aResistingStory("story-nypd", T0.plus(Duration.ofHours(1))));

        assertThat(forwardedConflicts()).extracting(Record::key).containsExactly(
                ConflictRules.conflictId(PolicyTopic.COOPERATION, "story-dhs", "story-nypd"),
                ConflictRules.conflictId(PolicyTopic.COOPERATION, "story-doj", "story-nypd"));
    }

    private void initProcessorOnTheSameStore() {
        processor = new StoryMatchProcessor(InternalResources.TOPIC_STORIES_STORE, STATE_RETENTION, conflicts);
        processor.init(context);
    }
}
