package org.policyradar.app.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Reads the version that Maven wrote into {@code policy-radar-version.properties} at build time. */
public final class VersionProvider implements IVersionProvider {

    private static final String RESOURCE = "/policy-radar-version.properties";

    @Override
    public String[] getVersion() {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        return new String[] {
                "policy-radar " + properties.getProperty("version", "(unknown version)"),
                "Kafka " + properties.getProperty("kafka.version", "?") + ", Avro " + properties.getProperty("avro.version", "?")
                        + ", Java " + System.getProperty("java.version")
        };
    }
}
