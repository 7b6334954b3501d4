package org.policyradar.registry.client;

import org.apache.kafka.common.config.ConfigException;
import org.policyradar.clients.ClientSettings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The client's configuration keys, as Confluent's client names them. Every key except
 * {@link #URL} may also be given with the {@code schema.registry.} prefix, which wins.
 */
public final class SchemaRegistryClientConfig {

    /** Comma-separated base URLs of the registry; {@code mock://scope} for an in-process registry. */
    public static final String URL = ClientSettings.SCHEMA_REGISTRY_URL;
    /** The prefix under which client settings may be given in a serde configuration. */
    public static final String CLIENT_NAMESPACE = "schema.registry.";

    /** Where basic-auth credentials come from: USER_INFO (from {@link #USER_INFO}) or URL (user:pass@host). */
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    /** "user:password" for basic authentication. */
    public static final String USER_INFO = "basic.auth.user.info";

    /** Retries after a connection failure or a 5xx answer (default 3). */
    public static final String MAX_RETRIES = "max.retries";
    /** Wait before the first retry, doubled at each retry (default 1000 ms). */
    public static final String RETRIES_WAIT_MS = "retries.wait.ms";
    /** The longest wait between retries (default 20000 ms). */
    public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";
    /** Connection timeout (default 60000 ms). */
    public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    /** Time limit of one request (default 60000 ms). */
    public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";

    /** Trust store for https registries (in the {@code schema.registry.} namespace, as in Confluent). */
    public static final String SSL_TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String SSL_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    /** JKS (default) or PKCS12. */
    public static final String SSL_TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";
    /** Key store for registries that require client certificates. */
    public static final String SSL_KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
    public static final String SSL_KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";
    public static final String SSL_KEYSTORE_TYPE = "schema.registry.ssl.keystore.type";
    public static final String SSL_KEY_PASSWORD = "schema.registry.ssl.key.password";

    static final int DEFAULT_MAX_RETRIES = 3;
    static final long DEFAULT_RETRIES_WAIT_MS = 1000;
    static final long DEFAULT_RETRIES_MAX_WAIT_MS = 20000;
    static final long DEFAULT_TIMEOUT_MS = 60000;

    private SchemaRegistryClientConfig() {
    }

    /** The registry URLs of a configuration: a comma-separated string or a list. */
    public static List<String> urls(Map<String, ?> config) {
        Object value = config.get(URL);
        List<String> urls = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(u -> addUrls(urls, String.valueOf(u)));
        } else if (value != null) {
            addUrls(urls, value.toString());
        }
        if (urls.isEmpty()) {
            throw new ConfigException("Missing required configuration \"" + URL + "\" (the Schema Registry URL)");
        }
        return urls;
    }

    private static void addUrls(List<String> urls, String text) {
        for (String url : text.split(",")) {
            if (!url.isBlank()) {
                urls.add(url.trim());
            }
        }
    }

    /** A setting, taken from {@code schema.registry.<key>} first, then {@code <key>}; null when absent. */
    static String string(Map<String, ?> config, String key) {
        Object value = key.startsWith(CLIENT_NAMESPACE) ? config.get(key) : config.get(CLIENT_NAMESPACE + key);
        if (value == null) {
            value = config.get(key);
        }
        if (value == null) {
            return null;
        }
        // Kafka's Password type keeps its value out of toString()
        if (value instanceof org.apache.kafka.common.config.types.Password password) {
            return password.value();
        }
        return value.toString();
    }

    static long number(Map<String, ?> config, String key, long defaultValue) {
        String text = string(config, key);
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value < 0) {
                throw new ConfigException(key, text, "must not be negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ConfigException(key, text, "must be a whole number");
        }
    }
}
