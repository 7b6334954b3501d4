package org.policyradar.app.cli;

import org.policyradar.clients.ClientSettings;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Picocli mixin for commands that talk to a Kafka cluster and a Schema Registry: {@code --bootstrap-servers},
 * {@code --schema-registry} and {@code --kafka-config FILE}. Add it to a command with
 * {@code @Mixin ClusterOptions cluster;} and pass {@link #clientConfig()} to every Kafka client and serde.
 *
 * <p>The properties file carries whatever a real cluster needs (SASL, TLS, registry credentials such as
 * {@code basic.auth.user.info}); its values are secrets and are never printed or logged. Precedence for
 * the bootstrap servers and the registry URL: the command-line option, then the file
 * ({@code bootstrap.servers}, {@code schema.registry.url}), then the local-stack default.
 */
public class ClusterOptions {

    /** Where the local stack's broker listens by default. */
    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
    /** Where the local stack's Schema Registry listens by default. */
    public static final String DEFAULT_SCHEMA_REGISTRY = "http://localhost:8081";

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,HOST:PORT...]",
            description = "Kafka brokers to connect to (default: bootstrap.servers from --kafka-config, else "
                    + DEFAULT_BOOTSTRAP_SERVERS + ").")
    String bootstrapServers;

    @Option(names = "--schema-registry", paramLabel = "URL",
            description = "Schema Registry URL (default: schema.registry.url from --kafka-config, else "
                    + DEFAULT_SCHEMA_REGISTRY + ").")
    String schemaRegistry;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Properties file passed to every Kafka client and serde, e.g. for SASL/TLS "
                    + "(security.protocol, sasl.jaas.config, ssl.truststore.location, basic.auth.user.info...). "
                    + "Its values are never printed.")
    Path kafkaConfig;

    private Map<String, String> fileEntries;

    /**
     * True when the user named a cluster: gave {@code --bootstrap-servers}, {@code --schema-registry} or
     * {@code --kafka-config}. Commands that default to the embedded local stack start it only when this is false.
     */
    public boolean clusterNamed() {
        return bootstrapServers != null || schemaRegistry != null || kafkaConfig != null;
    }

    /** The Kafka bootstrap servers to use. */
    public String bootstrapServers() {
        return firstOf(bootstrapServers, ClientSettings.BOOTSTRAP_SERVERS, DEFAULT_BOOTSTRAP_SERVERS);
    }

    /** The Schema Registry URL to use. */
    public String schemaRegistryUrl() {
        return firstOf(schemaRegistry, ClientSettings.SCHEMA_REGISTRY_URL, DEFAULT_SCHEMA_REGISTRY);
    }

    /**
     * The configuration for Kafka clients, serdes and the registry store: every entry of the
     * {@code --kafka-config} file, with {@code bootstrap.servers} and {@code schema.registry.url} resolved as
     * described above. A new, mutable map on every call.
     *
     * @throws ParameterException if the file cannot be read, so that picocli reports a usage error
     */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new LinkedHashMap<>(fileEntries());
        config.put(ClientSettings.BOOTSTRAP_SERVERS, bootstrapServers());
        config.put(ClientSettings.SCHEMA_REGISTRY_URL, schemaRegistryUrl());
        return config;
    }

    private String firstOf(String optionValue, String fileKey, String defaultValue) {
        if (optionValue != null && !optionValue.isBlank()) {
            return optionValue.strip();
        }
        String fromFile = fileEntries().get(fileKey);
        return fromFile != null && !fromFile.isBlank() ? fromFile.strip() : defaultValue;
    }

    private Map<String, String> fileEntries() {
        if (fileEntries == null) {
            fileEntries = kafkaConfig == null ? Map.of() : readProperties(kafkaConfig);
        }
        return fileEntries;
    }

    private Map<String, String> readProperties(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            // the message names the file and the problem, never a value from it
            throw new ParameterException(mixee.commandLine(),
                    "--kafka-config: cannot read " + file + " (" + describe(e) + ")", e, null, file.toString());
        }
        Map<String, String> entries = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted()
                .forEach(key -> entries.put(key, properties.getProperty(key)));
        return Map.copyOf(entries);
    }

    private static String describe(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof IllegalArgumentException) {
            return "not a valid properties file";
        }
        return e.getClass().getSimpleName();
    }
}
