package org.policyradar.streams.topology;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.WindowStore;
import org.policyradar.avro.EnrichedNewsItem;
import org.policyradar.streams.topology.TopologyNames.InternalResources;

/**
 * Keeps every enriched item in the {@link TopologyNames#ITEMS_STORE} window store, keyed by item id and stamped
 * with its event time, so that the items behind a conflict can be looked up by interactive queries. The store's
 * retention (the conflict retention) bounds it, on stream time, like the position stores.
 */
final class EnrichedItemStoreWriter implements Processor<String, EnrichedNewsItem, Void, Void> {

    private WindowStore<String, EnrichedNewsItem> items;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.items = context.getStateStore(InternalResources.ITEMS_STORE);
    }

    @Override
    public void process(Record<String, EnrichedNewsItem> record) {
        EnrichedNewsItem item = record.value();
        // the record's timestamp is the item's event time (set by the enrichment step)
        items.put(item.getItemId(), item, record.timestamp());
    }
}
