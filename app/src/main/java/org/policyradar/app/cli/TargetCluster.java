package org.policyradar.app.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.policyradar.stack.LocalStack;
import org.policyradar.stack.TopicInitializer;
import org.policyradar.clients.ClientSettings;

/**
 * The cluster a pipeline command works against: the one named by {@link ClusterOptions}, or, when none is named,
 * the embedded stack started in {@code dataDir/stack} (and stopped on close).
 */
final class TargetCluster implements AutoCloseable {

    private final LocalStack stack;
    private final Map<String, Object> clientConfig;

    private TargetCluster(LocalStack stack, Map<String, Object> clientConfig) {
        this.stack = stack;
        this.clientConfig = clientConfig;
    }

    /** Connects to the named cluster (creating missing topics), or starts the embedded stack in {@code dataDir}. */
    static TargetCluster open(ClusterOptions cluster, Path dataDir, int partitions) {
        if (cluster.clusterNamed()) {
            Map<String, Object> config = cluster.clientConfig();
            TopicInitializer.createPipelineTopics(config, partitions);
            return new TargetCluster(null, config);
        }
        LocalStack stack = LocalStack.start(dataDir.resolve("stack"), 0, 0, partitions);
        System.err.println("Embedded Kafka at " + stack.bootstrapServers() + ", Schema Registry at "
                + stack.registryUrl());
        Map<String, Object> config = new LinkedHashMap<>(cluster.clientConfig());
        config.put(ClientSettings.BOOTSTRAP_SERVERS, stack.bootstrapServers());
        config.put(ClientSettings.SCHEMA_REGISTRY_URL, stack.registryUrl());
        return new TargetCluster(stack, config);
    }

    /** Settings for every Kafka client and serde. */
    Map<String, Object> clientConfig() {
        return clientConfig;
    }

    @Override
    public void close() {
        if (stack != null) {
            stack.close();
        }
    }
}
