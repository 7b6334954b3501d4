package org.policyradar.topics;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/**
 * Makes the Avro serdes of the {@link Topic}s: implemented where the registry settings are known (the registry
 * module's serdes, configured with the client settings), so that this module names the topics without depending
 * on a registry.
 */
public interface AvroSerdes {

    /**
     * A configured serde of {@code type}'s records.
     *
     * @param isKey whether it serializes keys (the registry subject of a key differs from a value's)
     */
    <T extends SpecificRecord> Serde<T> serde(Class<T> type, boolean isKey);
}
