package org.policyradar.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.policyradar.streams.topology.StoryRecords.T0;
import static org.policyradar.streams.topology.StoryRecords.anEnrichedItem;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.MockProcessorContext.CapturedPunctuator;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.policyradar.avro.EnrichedNewsItem;
import org.policyradar.avro.StoryState;
import org.policyradar.streams.story.StoryFold;
import org.policyradar.streams.topology.TopologyNames.InternalResources;
import org.policyradar.testkit.InMemoryRegistry;

/** The story step on its own: what it forwards, what it refuses as too old, what its sweep removes. */
class StoryProcessorTest {

    /** A story stays in state for 30 + 2 days after its last report. */
    private static final DetectionSettings SETTINGS = new DetectionSettings(Duration.ofDays(30), Duration.ofDays(2));
    private static final Duration STATE_RETENTION = Duration.ofDays(32);

    @RegisterExtension
    static final InMemoryRegistry REGISTRY = new InMemoryRegistry();

    private MockProcessorContext<String, StoryState> context;
    private KeyValueStore<String, StoryState> stories;
    private StoryProcessor processor;
    private long streamTime = Long.MIN_VALUE;

    @BeforeEach
    void initProcessor() {
        context = new MockProcessorContext<>();
        PipelineSerdes serdes = PipelineSerdes.fromRegistry(REGISTRY.serdeConfig());
        stories = ProcessorStores.keyValueStore(InternalResources.STORIES_STORE, serdes.storyState(), context);
        processor = new StoryProcessor(SETTINGS);
        processor.init(context);
    }

    /** Processes an item as a task would: stream time first moves up to its timestamp (never back). */
    private void process(EnrichedNewsItem item) {
        long timestamp = item.getPublishedAt().toEpochMilli();
        advanceStreamTime(timestamp);
        processor.process(new Record<>(item.getStoryId(), item, timestamp));
    }

    private void advanceStreamTime(long time) {
        streamTime = Math.max(streamTime, time);
        context.setCurrentStreamTimeMs(streamTime);
    }

    private static EnrichedNewsItem article(int n, Instant publishedAt) {
        return anEnrichedItem().setItemId("nypd-" + n).setPublishedAt(publishedAt).build();
    }

    private List<StoryState> forwardedStories() {
        return context.forwarded().stream().map(f -> (StoryState) f.record().value()).toList();
    }

    @Test
    void shouldForwardTheFirstArticleOfAStoryAsItsCoarseStateKeyedByStoryId() {
        process(article(1, T0));

        assertThat(context.forwarded()).singleElement().satisfies(forward -> {
            assertThat(forward.record().key()).isEqualTo("story-nypd");
            assertThat(forward.record().timestamp()).isEqualTo(T0.toEpochMilli());
            StoryState story = (StoryState) forward.record().value();
            assertThat(story.getSummary().getArticleCount()).isEqualTo(1);
            assertThat(story.getSummary().getLastSeen()).isEqualTo(Instant.parse("2025-02-03T00:00:00Z"));
            assertThat(story.getParties()).singleElement()
                    .satisfies(party -> assertThat(party.getItemId()).isEqualTo("nypd-1"));
        });
        assertThat(stories.get("story-nypd").getSummary().getLastSeen()).isEqualTo(T0);
    }

    @Test
    void shouldForwardAFullStoryAgainOnlyWhenItsArticleCountPassesAPowerOfTwo() {
        // the first ten articles each join the story's representative reports, so each changes its coarse view;
        // after that, later articles on the same day change only the count, and only its power of two is seen
        for (int n = 1; n <= 17; n++) {
            process(article(n, T0.plus(Duration.ofMinutes(n))));
        }

        assertThat(forwardedStories()).extracting(story -> story.getSummary().getArticleCount())
                .containsExactly(1, 2, 2, 4, 4, 4, 4, 8, 8, 8, 16);
        assertThat(forwardedStories().get(10).getSummary().getReports()).hasSize(StoryFold.MAX_REPORTS);
        assertThat(stories.get("story-nypd").getSummary().getArticleCount()).isEqualTo(17);
    }

    @Test
    void shouldForwardAFullStoryAgainWhenAnArticleOpensANewDay() {
        for (int n = 1; n <= 10; n++) {
            process(article(n, T0.plus(Duration.ofMinutes(n))));
        }
        context.resetForwards();

        process(article(11, T0.plus(Duration.ofMinutes(11))));
        process(article(12, T0.plus(Duration.ofDays(1))));

        assertThat(forwardedStories()).singleElement().satisfies(story -> {
            assertThat(story.getSummary().getArticleCount()).isEqualTo(8);
            assertThat(story.getSummary().getLastSeen()).isEqualTo(Instant.parse("2025-02-04T00:00:00Z"));
        });
    }

    @Test
    void shouldRefuseAnArticleOlderThanTheRetentionSoThatItGoesToTheDeadLetterTopic() {
        advanceStreamTime(T0.plus(Duration.ofDays(10)).toEpochMilli());

        assertThatThrownBy(() -> process(article(1, T0.plus(Duration.ofDays(8)).minusMillis(1))))
                .isInstanceOf(InvalidRecordException.class)
                .hasMessageContaining("too old: item nypd-1")
                .hasMessageContaining("more than the retention of 2 days behind stream time 2025-02-13T09:00:00Z")
                .hasMessageContaining("--retention-days");
        assertThat(stories.get("story-nypd")).isNull();
        assertThat(context.forwarded()).isEmpty();
    }

    @Test
    void shouldAcceptAnArticleExactlyTheRetentionBehindStreamTime() {
        advanceStreamTime(T0.plus(Duration.ofDays(10)).toEpochMilli());

        process(article(1, T0.plus(Duration.ofDays(8))));

        assertThat(stories.get("story-nypd")).isNotNull();
        assertThat(context.forwarded()).hasSize(1);
    }

    @Test
    void shouldScheduleOneDailySweepOnStreamTime() {
        assertThat(context.scheduledPunctuators()).singleElement().satisfies(punctuator -> {
            assertThat(punctuator.getType()).isEqualTo(PunctuationType.STREAM_TIME);
            assertThat(punctuator.getInterval()).isEqualTo(Duration.ofDays(1));
        });
    }

    @Test
    void shouldSweepOnlyStoriesLastSeenBeforeStreamTimeMinusTheStateRetention() {
        process(article(1, T0));
        process(anEnrichedItem().setItemId("later-1").setStoryId("story-later")
                .setPublishedAt(T0.plus(Duration.ofDays(3))).build());
        context.resetForwards();
        CapturedPunctuator sweep = context.scheduledPunctuators().get(0);

        sweep.getPunctuator().punctuate(T0.plus(STATE_RETENTION).toEpochMilli());
        assertThat(stories.get("story-nypd")).as("last seen exactly at the horizon").isNotNull();

        sweep.getPunctuator().punctuate(T0.plus(STATE_RETENTION).plusMillis(1).toEpochMilli());
        assertThat(stories.get("story-nypd")).isNull();
        assertThat(stories.get("story-later")).isNotNull();
        assertThat(context.forwarded()).as("a sweep forwards nothing").isEmpty();
    }

    @Test
    void shouldStartASweptStoryAfreshWhenItIsReportedAgain() {
        process(article(1, T0));
        process(article(2, T0.plus(Duration.ofMinutes(1))));
        context.scheduledPunctuators().get(0).getPunctuator()
                .punctuate(T0.plus(STATE_RETENTION).plus(Duration.ofDays(1)).toEpochMilli());
        context.resetForwards();

        process(article(3, T0.plus(STATE_RETENTION).plus(Duration.ofDays(1))));

        assertThat(forwardedStories()).singleElement()
                .satisfies(story -> assertThat(story.getSummary().getArticleCount()).isEqualTo(1));
    }
}
