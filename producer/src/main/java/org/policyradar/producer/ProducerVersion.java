package org.policyradar.producer;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of the producer, as built (from {@code version.properties}, filled in by Maven). */
public final class ProducerVersion {

    private static final String UNKNOWN = "dev";
    private static final String VERSION = load();

    private ProducerVersion() {
    }

    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}; {@code dev} when run from unfiltered sources. */
    public static String current() {
        return VERSION;
    }

    /** What feed requests send as {@code User-Agent}: {@code policy-radar/<version>}. */
    public static String userAgent() {
        return "policy-radar/" + VERSION;
    }

    private static String load() {
        try (InputStream in = ProducerVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "").strip();
            return version.isEmpty() || version.startsWith("${") ? UNKNOWN : version;
        } catch (IOException e) {
            return UNKNOWN;
        }
    }
}
