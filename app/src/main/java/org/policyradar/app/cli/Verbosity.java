package org.policyradar.app.cli;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * Raises the log levels set in log4j2.xml when {@code --verbose} is given: the project's own loggers go to
 * DEBUG and Kafka's (clients, Streams, and the embedded broker) to INFO. Logs go to stderr either way.
 */
public final class Verbosity {

    private Verbosity() {
    }

    /** Switches to verbose logging for the rest of the process. */
    public static void enableVerboseLogging() {
        // setAllLevels also lowers the loggers that log4j2.xml configures below these names
        Configurator.setAllLevels("org.policyradar", Level.DEBUG);
        Configurator.setAllLevels("org.apache.kafka", Level.INFO);
        Configurator.setAllLevels("kafka", Level.INFO);
    }
}
