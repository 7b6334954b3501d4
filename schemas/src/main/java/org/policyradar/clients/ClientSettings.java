package org.policyradar.clients;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The one place the project's Kafka client settings are made, from the client settings a command was given
 * (cluster, registry, SASL, TLS, tuning), under the clients' own config constants. Consumers read committed records
 * only — the pipeline writes under exactly-once, and an aborted transaction's records must never be seen — and
 * commit nothing on their own; producers are idempotent. Each method returns a new map the caller may add to; the
 * given settings are not changed.
 *
 * <p>It lives in the lowest module so that every client sees it: the registry's Kafka-backed store, the news
 * publisher, the Streams settings ({@code StreamsSettings}, which adds what needs Kafka Streams' own constants) and
 * the application's commands.
 */
public final class ClientSettings {

    /** The key of the Kafka cluster's bootstrap servers. */
    public static final String BOOTSTRAP_SERVERS = CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG;
    /**
     * The key of the Schema Registry URL(s), read by the serdes and the registry client: Confluent's name, which
     * Kafka's client constants do not know.
     */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

    private static final String READ_COMMITTED = "read_committed";
    private static final String ALL_REPLICAS = "all";

    private ClientSettings() {
    }

    /** Settings naming a cluster and its registry, and nothing else. */
    public static Map<String, Object> forCluster(String bootstrapServers, String registryUrl) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(BOOTSTRAP_SERVERS, bootstrapServers);
        config.put(SCHEMA_REGISTRY_URL, registryUrl);
        return config;
    }

    /** The bootstrap servers the settings name ({@code "null"} when they name none, for messages). */
    public static String bootstrapServers(Map<String, ?> clientConfig) {
        return String.valueOf(clientConfig.get(BOOTSTRAP_SERVERS));
    }

    /** A consumer that reads committed records only and leaves committing offsets to its caller. */
    public static Map<String, Object> readCommittedConsumer(Map<String, ?> clientConfig) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, READ_COMMITTED);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return config;
    }

    /**
     * A {@link #readCommittedConsumer} outside any consumer group, for readers that assign themselves partitions
     * (a group id given for the pipeline's own consumers must not make them join, or commit for, that group).
     */
    public static Map<String, Object> groupFreeConsumer(Map<String, ?> clientConfig) {
        Map<String, Object> config = readCommittedConsumer(clientConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        return config;
    }

    /** An idempotent producer: acknowledged by all in-sync replicas, never writing a retried record twice. */
    public static Map<String, Object> idempotentProducer(Map<String, ?> clientConfig) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, ALL_REPLICAS);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return config;
    }

    /**
     * An admin client: the settings as given (unfiltered, so that security and plug-in settings the admin client
     * does not list still reach it).
     */
    public static Map<String, Object> admin(Map<String, ?> clientConfig) {
        return new HashMap<>(clientConfig);
    }

    /**
     * The settings a client knows, e.g. {@code knownTo(config, ProducerConfig.configNames())}: for clients that
     * share one settings map with others (serdes, registry) and should not warn about, or pass on, the rest.
     */
    public static Map<String, Object> knownTo(Map<String, ?> clientConfig, Set<String> names) {
        Map<String, Object> known = new HashMap<>();
        clientConfig.forEach((key, value) -> {
            if (names.contains(key)) {
                known.put(key, value);
            }
        });
        return known;
    }
}
