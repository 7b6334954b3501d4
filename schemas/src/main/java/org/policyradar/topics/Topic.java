package org.policyradar.topics;

import java.util.Map;
import java.util.Objects;

/**
 * A topic of the project: its name, how its keys and values are written and the configs it is created with. The
 * serdes are made from the formats by {@link #serdes(AvroSerdes)}, once the registry settings are known; every
 * topic is listed in {@link TopicCatalogue}.
 *
 * @param name    the topic's name (from {@link Topics})
 * @param key     how its keys are written
 * @param value   how its values are written
 * @param configs the topic configs it is created with ({@code cleanup.policy}, {@code retention.ms}, ...)
 * @param <K>     the type of the keys
 * @param <V>     the type of the values
 */
public record Topic<K, V>(String name, Format<K> key, Format<V> value, Map<String, String> configs) {

    public Topic {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        configs = Map.copyOf(configs);
    }

    /** The same topic under another name, e.g. a dead-letter topic renamed on the command line. */
    public Topic<K, V> named(String otherName) {
        return new Topic<>(otherName, key, value, configs);
    }

    /** The topic with its key and value serdes, the Avro ones from {@code avro}. */
    public TopicSerdes<K, V> serdes(AvroSerdes avro) {
        return new TopicSerdes<>(this, key.serde(avro, true), value.serde(avro, false));
    }
}
