package org.policyradar.testkit;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.policyradar.registry.client.SchemaRegistryClientConfig;
import org.policyradar.registry.server.InMemorySchemaStore;
import org.policyradar.registry.server.SchemaRegistryServer;

/**
 * A real Schema Registry server (HTTP on a free loopback port) on an in-memory store for one test class
 * ({@code @RegisterExtension static}), started before its first test and stopped after its last.
 */
public final class InMemoryRegistry implements BeforeAllCallback, AfterAllCallback {

    private SchemaRegistryServer server;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
    }

    /** The registry's base URL, {@code http://127.0.0.1:PORT}. */
    public String url() {
        return server.url();
    }

    /** Serde settings naming this registry, in a map the caller may add to. */
    public Map<String, Object> serdeConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(SchemaRegistryClientConfig.URL, server.url());
        return config;
    }
}
