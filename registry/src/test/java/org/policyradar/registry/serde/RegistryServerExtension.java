package org.policyradar.registry.serde;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.policyradar.registry.client.CachedSchemaRegistryClient;
import org.policyradar.registry.client.SchemaRegistryClient;
import org.policyradar.registry.server.InMemorySchemaStore;
import org.policyradar.registry.server.SchemaRegistryServer;

import java.util.HashMap;
import java.util.Map;

/**
 * A fresh real registry (HTTP, in-memory store, free port) for each test, with a client and serde settings. The
 * registry's own: the testkit's {@code InMemoryRegistry}, which the modules above use, depends on this module.
 */
final class RegistryServerExtension implements BeforeEachCallback, AfterEachCallback {

    private SchemaRegistryServer server;
    private SchemaRegistryClient client;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        server = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());
        client = new CachedSchemaRegistryClient(server.url());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.close();
    }

    SchemaRegistryClient client() {
        return client;
    }

    String url() {
        return server.url();
    }

    /** Serde settings naming this registry, plus the given pairs (key, value, key, value...). */
    Map<String, Object> config(Object... pairs) {
        Map<String, Object> config = new HashMap<>();
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, server.url());
        for (int i = 0; i < pairs.length; i += 2) {
            config.put((String) pairs[i], pairs[i + 1]);
        }
        return config;
    }
}
