package org.policyradar.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.policyradar.streams.enrich.RuleSet;
import org.policyradar.streams.topology.DetectionSettings;
import picocli.CommandLine.Option;

/** What the topology detects with: the rule set and the event-time windows, for commands that run it. */
public class DetectionOptions {

    @Option(names = "--rules", paramLabel = "DIR",
            description = "Directory with the rule files (actors.json, places.json, cues.json); default: the bundled rules.")
    Path rulesDir;

    @Option(names = "--window-days", paramLabel = "DAYS", defaultValue = "90",
            description = "How far apart in event time two positions may be and still conflict (default: ${DEFAULT-VALUE}).")
    long windowDays;

    @Option(names = "--grace-days", paramLabel = "DAYS", defaultValue = "7",
            description = "How late a record may arrive and still be matched; later ones go to the dead-letter topic "
                    + "(default: ${DEFAULT-VALUE}).")
    long graceDays;

    /** The rules to run with: those of {@code --rules}, else the bundled ones. */
    public RuleSet rules() {
        return rulesDir == null ? RuleSet.loadDefault() : RuleSet.load(rulesDir);
    }

    public DetectionSettings settings() {
        return new DetectionSettings(Duration.ofDays(windowDays), Duration.ofDays(graceDays),
                DetectionSettings.DEFAULTS.storyWindow());
    }
}
