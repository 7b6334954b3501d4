package org.policyradar.streams.topology;

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

/**
 * Keeps one conflict per pair of stories and topic (keyed by conflict id). Each observed article pair either
 * creates the conflict (an update flagged new, which raises the one alert) or is folded into it; an
 * observation that changes nothing (a re-delivered article) emits nothing.
 *
 * <p>State stays bounded: once stream time has moved past a conflict's last article by more than the positions
 * are kept, no new article can reach it, so it is dropped from the store (the compacted topic keeps it). The
 * sweep runs on stream time, so it happens at the same point of the input on every replay.
 */
final class ConflictAggregateProcessor implements Processor<String, PolicyConflict, String, ConflictUpdate> {

    /** How often, in stream time, finished conflicts are swept from the store. */
    static final Duration SWEEP_INTERVAL = Duration.ofHours(1);

    private final Duration retention;
    private ProcessorContext<String, ConflictUpdate> context;
    private KeyValueStore<String, PolicyConflict> conflicts;

    ConflictAggregateProcessor(Duration retention) {
        this.retention = retention;
    }

    @Override
    public void init(ProcessorContext<String, ConflictUpdate> context) {
        this.context = context;
        this.conflicts = context.getStateStore(TopologyNames.CONFLICTS_STORE);
        context.schedule(SWEEP_INTERVAL, PunctuationType.STREAM_TIME, this::sweep);
    }

    @Override
    public void process(Record<String, PolicyConflict> record) {
        PolicyConflict observed = record.value();
        PolicyConflict current = conflicts.get(record.key());
        if (current == null) {
            conflicts.put(record.key(), observed);
            context.forward(record.withValue(new ConflictUpdate(observed, true)));
            return;
        }
        PolicyConflict merged = ConflictMerge.merge(current, observed);
        if (!merged.equals(current)) {
            conflicts.put(record.key(), merged);
            context.forward(record.withValue(new ConflictUpdate(merged, false))
                    .withTimestamp(Math.max(record.timestamp(), merged.getLastSeen().toEpochMilli())));
        }
    }

    private void sweep(long streamTime) {
        Instant horizon = Instant.ofEpochMilli(streamTime).minus(retention);
        List<String> finished = new ArrayList<>();
        try (KeyValueIterator<String, PolicyConflict> all = conflicts.all()) {
            while (all.hasNext()) {
                KeyValue<String, PolicyConflict> entry = all.next();
                if (entry.value.getLastSeen().isBefore(horizon)) {
                    finished.add(entry.key);
                }
            }
        }
        finished.forEach(conflicts::delete);
    }
}
