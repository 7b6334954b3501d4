package org.policyradar.registry.client;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out registry clients from serde configurations, sharing one client (and so one cache) per registry
 * URL and credentials, as every serializer and deserializer of an application should.
 *
 * <p>A URL of the form {@code mock://scope} gives an {@link InProcessSchemaRegistryClient}, one registry per
 * scope shared by all its users in the JVM, as Confluent's serdes do for tests.
 */
public final class SchemaRegistryClients {

    private static final String MOCK_SCHEME = "mock://";

    private static final Map<String, SchemaRegistryClient> SHARED = new ConcurrentHashMap<>();
    private static final Map<String, InProcessSchemaRegistryClient> MOCK_SCOPES = new ConcurrentHashMap<>();

    private SchemaRegistryClients() {
    }

    /**
     * The client for a serde configuration: {@code schema.registry.url} (required) and the client keys of
     * {@link SchemaRegistryClientConfig}. Configurations naming the same URLs with the same credentials and
     * client settings share one client.
     */
    public static SchemaRegistryClient fromConfig(Map<String, ?> serdeConfigs) {
        List<String> urls = SchemaRegistryClientConfig.urls(serdeConfigs);
        if (urls.get(0).startsWith(MOCK_SCHEME)) {
            return mockScope(urls.get(0).substring(MOCK_SCHEME.length()));
        }
        return SHARED.computeIfAbsent(sharingKey(urls, serdeConfigs),
                key -> new CachedSchemaRegistryClient(urls, serdeConfigs));
    }

    /** The in-process registry of a {@code mock://} scope, created on first use. */
    public static SchemaRegistryClient mockScope(String scope) {
        return MOCK_SCOPES.computeIfAbsent(scope, s -> new InProcessSchemaRegistryClient());
    }

    /** Forgets the in-process registry of a {@code mock://} scope, so that the next use starts empty. */
    public static void dropMockScope(String scope) {
        MOCK_SCOPES.remove(scope);
    }

    /** The URLs plus every client setting: two configurations share a client only if they agree on all. */
    private static String sharingKey(List<String> urls, Map<String, ?> config) {
        Map<String, String> settings = new TreeMap<>();
        for (String key : new String[] {
                SchemaRegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE,
                SchemaRegistryClientConfig.USER_INFO,
                SchemaRegistryClientConfig.MAX_RETRIES,
                SchemaRegistryClientConfig.RETRIES_WAIT_MS,
                SchemaRegistryClientConfig.RETRIES_MAX_WAIT_MS,
                SchemaRegistryClientConfig.HTTP_CONNECT_TIMEOUT_MS,
                SchemaRegistryClientConfig.HTTP_READ_TIMEOUT_MS,
                SchemaRegistryClientConfig.SSL_TRUSTSTORE_LOCATION,
                SchemaRegistryClientConfig.SSL_TRUSTSTORE_PASSWORD,
                SchemaRegistryClientConfig.SSL_TRUSTSTORE_TYPE,
                SchemaRegistryClientConfig.SSL_KEYSTORE_LOCATION,
                SchemaRegistryClientConfig.SSL_KEYSTORE_PASSWORD,
                SchemaRegistryClientConfig.SSL_KEYSTORE_TYPE,
                SchemaRegistryClientConfig.SSL_KEY_PASSWORD}) {
            String value = SchemaRegistryClientConfig.string(config, key);
            if (value != null) {
                settings.put(key, value);
            }
        }
        return urls + " " + settings;
    }
}
