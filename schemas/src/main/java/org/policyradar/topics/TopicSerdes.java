package org.policyradar.topics;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * A {@link Topic} with its serdes made, ready for a client or a topology.
 *
 * @param topic the topic
 * @param key   the serde of its keys
 * @param value the serde of its values
 * @param <K>   the type of the keys
 * @param <V>   the type of the values
 */
public record TopicSerdes<K, V>(Topic<K, V> topic, Serde<K> key, Serde<V> value) {

    public TopicSerdes {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    /** The topic's name. */
    public String name() {
        return topic.name();
    }
}
