package org.policyradar.app.cli;

import java.time.Duration;
import org.policyradar.streams.topology.DetectionSettings;
import picocli.CommandLine.Option;

/** Event-time windows of conflict detection, for commands that run the topology. */
public class WindowOptions {

    @Option(names = "--window-days", paramLabel = "DAYS", defaultValue = "90",
            description = "How far apart in event time two positions may be and still conflict (default: ${DEFAULT-VALUE}).")
    long windowDays;

    @Option(names = "--grace-days", paramLabel = "DAYS", defaultValue = "7",
            description = "How late a record may arrive and still be matched; later ones go to the dead-letter topic "
                    + "(default: ${DEFAULT-VALUE}).")
    long graceDays;

    public DetectionSettings settings() {
        return new DetectionSettings(Duration.ofDays(windowDays), Duration.ofDays(graceDays),
                DetectionSettings.DEFAULTS.storyWindow());
    }
}
