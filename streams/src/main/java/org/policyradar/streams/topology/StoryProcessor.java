package org.policyradar.streams.topology;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.policyradar.avro.EnrichedNewsItem;
import org.policyradar.avro.StoryState;
import org.policyradar.streams.story.Bounded;
import org.policyradar.streams.story.EndedStories;
import org.policyradar.streams.story.StoryFold;
import org.policyradar.streams.topology.TopologyNames.InternalResources;

/**
 * Folds each article into the state of its story (key: story id) and passes the story on only when its coarse
 * view changes — a new position, an earlier article, a new day of reporting, a count passing a power of two — so
 * that a further report of a known story costs one read and one write, and 500 outlets reporting one story
 * cause a handful of matches, not 500.
 *
 * <p>Records older than stream time minus the retention are refused (to the dead-letter topic): within the
 * retention every story they could belong to is still in state, which is what makes any arrival order give the
 * same stories. Stories whose period ended more than the retention ago are swept, on stream time.
 */
final class StoryProcessor implements Processor<String, EnrichedNewsItem, String, StoryState> {

    private final DetectionSettings settings;
    private ProcessorContext<String, StoryState> context;
    private KeyValueStore<String, StoryState> stories;

    StoryProcessor(DetectionSettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, StoryState> context) {
        this.context = context;
        this.stories = context.getStateStore(InternalResources.STORIES_STORE);
        context.schedule(EndedStories.SWEEP_INTERVAL, PunctuationType.STREAM_TIME, this::sweep);
    }

    @Override
    public void process(Record<String, EnrichedNewsItem> record) {
        EnrichedNewsItem item = record.value();
        refuseIfOlderThanRetention(item);
        StoryState current = stories.get(record.key());
        StoryState next = StoryFold.add(current, item);
        StoryState coarse = StoryFold.coarse(next);
        boolean changed = current == null || !coarse.equals(StoryFold.coarse(current));
        if (changed && !Bounded.fits(next)) {
            throw new InvalidRecordException("item " + item.getItemId() + " would grow story " + record.key()
                    + " past " + Bounded.MAX_RECORD_BYTES + " bytes");
        }
        stories.put(record.key(), next);
        if (changed) {
            context.forward(record.withValue(coarse));
        }
    }

    private void refuseIfOlderThanRetention(EnrichedNewsItem item) {
        long streamTime = context.currentStreamTimeMs();
        long time = item.getPublishedAt().toEpochMilli();
        if (time < streamTime - settings.retention().toMillis()) {
            throw new InvalidRecordException("too old: item " + item.getItemId() + " has event time "
                    + item.getPublishedAt() + ", more than the retention of " + settings.retention().toDays()
                    + " days behind stream time " + Instant.ofEpochMilli(streamTime)
                    + "; replay with a larger --retention-days to include it");
        }
    }

    private void sweep(long streamTime) {
        Instant horizon = Instant.ofEpochMilli(streamTime).minus(settings.stateRetention());
        List<String> ended = EndedStories.before(stories, horizon);
        ended.forEach(stories::delete);
    }
}
