package org.policyradar.streams.topology;

import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.policyradar.registry.client.SchemaRegistryClientConfig;
import org.policyradar.registry.server.InMemorySchemaStore;
import org.policyradar.registry.server.SchemaRegistryServer;

/**
 * A real registry server on an in-memory store for one test class ({@code @RegisterExtension static}), started
 * before its first test and stopped after its last, with the pipeline's serdes pointed at it.
 */
public final class InMemoryRegistry implements BeforeAllCallback, AfterAllCallback {

    private SchemaRegistryServer server;
    private PipelineSerdes serdes;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());
        serdes = PipelineSerdes.fromRegistry(Map.of(SchemaRegistryClientConfig.URL, server.url()));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
    }

    String url() {
        return server.url();
    }

    public PipelineSerdes serdes() {
        return serdes;
    }
}
