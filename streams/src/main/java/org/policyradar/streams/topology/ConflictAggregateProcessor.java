package org.policyradar.streams.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.policyradar.avro.PolicyConflict;

/**
 * Keeps one conflict per pair of stories and topic (keyed by conflict id). Each observed article pair either
 * creates the conflict (an update flagged new, which raises the one alert) or is folded into it; an
 * observation that changes nothing (a re-delivered article) emits nothing.
 */
final class ConflictAggregateProcessor implements Processor<String, PolicyConflict, String, ConflictUpdate> {

    private ProcessorContext<String, ConflictUpdate> context;
    private KeyValueStore<String, PolicyConflict> conflicts;

    @Override
    public void init(ProcessorContext<String, ConflictUpdate> context) {
        this.context = context;
        this.conflicts = context.getStateStore(TopologyNames.CONFLICTS_STORE);
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
}
