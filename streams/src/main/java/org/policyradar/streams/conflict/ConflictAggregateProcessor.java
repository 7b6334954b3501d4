package org.policyradar.streams.conflict;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.streams.story.EndedStories;

/**
 * Keeps the latest state of every conflict (key: conflict id) and passes on only what changed: a conflict seen
 * for the first time (which raises its one alert) and a conflict whose value differs from the stored one. Every
 * observation of a conflict is the full value, a pure function of its two stories, from the one task that
 * matches its topic, in order; so the latest observation is the current value and the output is the same for
 * every arrival order that leads to the same stories. Ended conflicts are swept on stream time.
 */
public final class ConflictAggregateProcessor implements Processor<String, PolicyConflict, String, ConflictUpdate> {

    private final String storeName;
    private final Duration stateRetention;
    private ProcessorContext<String, ConflictUpdate> context;
    private KeyValueStore<String, PolicyConflict> conflicts;

    /**
     * @param storeName      the key-value store of the conflicts, by conflict id
     * @param stateRetention how long after it was last seen a conflict is kept (its window, then the retention)
     */
    public ConflictAggregateProcessor(String storeName, Duration stateRetention) {
        this.storeName = storeName;
        this.stateRetention = stateRetention;
    }

    @Override
    public void init(ProcessorContext<String, ConflictUpdate> context) {
        this.context = context;
        this.conflicts = context.getStateStore(storeName);
        context.schedule(EndedStories.SWEEP_INTERVAL, PunctuationType.STREAM_TIME, this::sweep);
    }

    @Override
    public void process(Record<String, PolicyConflict> record) {
        PolicyConflict observed = record.value();
        PolicyConflict current = conflicts.get(record.key());
        if (observed.equals(current)) {
            return;
        }
        conflicts.put(record.key(), observed);
        context.forward(record.withValue(new ConflictUpdate(observed, current == null)));
    }

    private void sweep(long streamTime) {
        Instant horizon = Instant.ofEpochMilli(streamTime).minus(stateRetention);
        List<String> ended = new ArrayList<>();
        try (KeyValueIterator<String, PolicyConflict> all = conflicts.all()) {
            while (all.hasNext()) {
                KeyValue<String, PolicyConflict> entry = all.next();
                if (entry.value.getLastSeen().isBefore(horizon)) {
                    ended.add(entry.key);
                }
            }
        }
        ended.forEach(conflicts::delete);
    }
}
