package org.policyradar.stack;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.TopicConfig;
import org.policyradar.clients.ClientSettings;
import org.policyradar.registry.server.KafkaSchemaStore;
import org.policyradar.registry.server.SchemaRegistryServer;
import org.policyradar.registry.server.SchemaStore;
import org.policyradar.topics.Format;
import org.policyradar.topics.Topic;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The embedded local stack: a single-node KRaft broker ({@link EmbeddedKafkaBroker}) with the pipeline's
 * topics ({@link TopicInitializer}, {@link TopicInitializer#LOCAL_PARTITIONS} partitions each) and a
 * Confluent-compatible Schema Registry that keeps its schemas in the {@value #SCHEMAS_TOPIC} topic of that
 * broker. Everything lives under one data directory, so a restart on the same directory keeps the topics,
 * the records and the registered schemas.
 */
public final class LocalStack implements AutoCloseable {

    /** The topic the registry keeps its schemas in, as Confluent's registry does. */
    public static final String SCHEMAS_TOPIC = "_schemas";

    private static final String HOST = "127.0.0.1";

    private final EmbeddedKafkaBroker broker;
    private final SchemaStore schemaStore;
    private final SchemaRegistryServer registry;
    private boolean closed;

    private LocalStack(EmbeddedKafkaBroker broker, SchemaStore schemaStore, SchemaRegistryServer registry) {
        this.broker = broker;
        this.schemaStore = schemaStore;
        this.registry = registry;
    }

    /**
     * Starts the broker, creates the missing topics and starts the registry; returns once all accept clients.
     *
     * @param dataDir      the directory to keep the stack's data in; created if missing, reused if present
     * @param kafkaPort    the broker's client port on 127.0.0.1, or 0 for a free port
     * @param registryPort the registry's HTTP port on 127.0.0.1, or 0 for a free port
     */
    public static LocalStack start(Path dataDir, int kafkaPort, int registryPort) {
        return start(dataDir, kafkaPort, registryPort, TopicInitializer.LOCAL_PARTITIONS);
    }

    /**
     * As {@link #start(Path, int, int)}, with the pipeline's topics created with {@code partitions} partitions
     * (topics that already exist keep theirs).
     */
    public static LocalStack start(Path dataDir, int kafkaPort, int registryPort, int partitions) {
        return start(dataDir, kafkaPort, registryPort, partitions, null);
    }

    /**
     * As {@link #start(Path, int, int, int)}, with a registry that requires HTTP basic authentication.
     *
     * @param registryBasicAuth "user:password" that every registry request must present, or null for an open
     *                          registry; never logged (the registry names the user only)
     */
    public static LocalStack start(Path dataDir, int kafkaPort, int registryPort, int partitions,
                                   String registryBasicAuth) {
        if (registryPort != 0) {
            // fail before the broker spends seconds starting
            FreePorts.requireFree(HOST, registryPort, "Schema Registry");
        }
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, kafkaPort);
        try {
            Map<String, Object> clientConfig = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            TopicInitializer.createPipelineTopics(clientConfig, partitions);
            createSchemasTopic(clientConfig);
            SchemaStore schemaStore = KafkaSchemaStore.open(clientConfig, SCHEMAS_TOPIC);
            try {
                return new LocalStack(broker, schemaStore, SchemaRegistryServer.start(HOST, registryPort, schemaStore,
                        registryBasicAuth));
            } catch (IOException | RuntimeException e) {
                schemaStore.close();
                throw new IllegalStateException("Cannot start the Schema Registry on " + HOST + ":" + registryPort
                        + ": " + e.getMessage(), e);
            }
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    /**
     * Creates the schemas topic as the store would (one partition, compacted) and waits until the broker
     * serves it, so that the store, which describes the topic right after creating it, finds it ready.
     */
    private static void createSchemasTopic(Map<String, Object> clientConfig) {
        try (Admin admin = Admin.create(clientConfig)) {
            new TopicInitializer(admin, 1).createMissing(
                    List.of(new Topic<>(SCHEMAS_TOPIC, Format.BYTES, Format.BYTES,
                            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))));
        }
    }

    /** The broker's address, {@code 127.0.0.1:PORT}. */
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The registry's base URL, {@code http://127.0.0.1:PORT}. */
    public String registryUrl() {
        return registry.url();
    }

    /** The embedded broker, for callers that need its cluster id or log directory. */
    public EmbeddedKafkaBroker broker() {
        return broker;
    }

    /** Stops the registry and its store, then the broker, and waits for them; calling it again does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            registry.close();
            // the server does not own the store: it flushes its producer while the broker is still up
            schemaStore.close();
        } finally {
            broker.close();
        }
    }
}
