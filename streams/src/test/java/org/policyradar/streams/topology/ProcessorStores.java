package org.policyradar.streams.topology;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/** In-memory stores for processors under {@link MockProcessorContext}, named as the topology names them. */
public final class ProcessorStores {

    private ProcessorStores() {
    }

    /** A key-value store (string keys, no changelog) initialised on the mock context and registered with it. */
    public static <V> KeyValueStore<String, V> keyValueStore(String name, Serde<V> values, MockProcessorContext<?, ?> context) {
        KeyValueStore<String, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name),
                Serdes.String(), values).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        return store;
    }
}
