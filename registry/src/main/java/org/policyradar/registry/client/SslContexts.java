package org.policyradar.registry.client;

import org.apache.kafka.common.config.ConfigException;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;

/** Builds the TLS context for an https registry from the {@code schema.registry.ssl.*} settings. */
final class SslContexts {

    private SslContexts() {
    }

    /** A context trusting the configured trust store (and presenting the key store, if any); null if neither. */
    static SSLContext fromConfig(Map<String, ?> config) {
        String trustStore = SchemaRegistryClientConfig.string(config, SchemaRegistryClientConfig.SSL_TRUSTSTORE_LOCATION);
        String keyStore = SchemaRegistryClientConfig.string(config, SchemaRegistryClientConfig.SSL_KEYSTORE_LOCATION);
        if (blank(trustStore) && blank(keyStore)) {
            return null;
        }
        try {
            TrustManager[] trustManagers = null;
            if (!blank(trustStore)) {
                KeyStore store = load(trustStore,
                        SchemaRegistryClientConfig.string(config, SchemaRegistryClientConfig.SSL_TRUSTSTORE_PASSWORD),
                        SchemaRegistryClientConfig.string(config, SchemaRegistryClientConfig.SSL_TRUSTSTORE_TYPE));
                TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init(store);
                trustManagers = factory.getTrustManagers();
            }
            KeyManager[] keyManagers = null;
            if (!blank(keyStore)) {
                String storePassword = SchemaRegistryClientConfig.string(config, SchemaRegistryClientConfig.SSL_KEYSTORE_PASSWORD);
                KeyStore store = load(keyStore, storePassword,
                        SchemaRegistryClientConfig.string(config, SchemaRegistryClientConfig.SSL_KEYSTORE_TYPE));
                String keyPassword = SchemaRegistryClientConfig.string(config, SchemaRegistryClientConfig.SSL_KEY_PASSWORD);
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(store, chars(keyPassword != null ? keyPassword : storePassword));
                keyManagers = factory.getKeyManagers();
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers, trustManagers, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new ConfigException("Cannot set up TLS for the Schema Registry client: " + e.getMessage());
        }
    }

    private static KeyStore load(String location, String password, String type)
            throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(blank(type) ? "JKS" : type.trim());
        try (InputStream in = Files.newInputStream(Path.of(location))) {
            store.load(in, chars(password));
        }
        return store;
    }

    private static char[] chars(String password) {
        return password == null ? null : password.toCharArray();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
