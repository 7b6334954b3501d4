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

    @Option(names = "--domains", split = ",", paramLabel = "DOMAIN",
            description = "The policy domains to run, comma-separated (IMMIGRATION, EDUCATION, ...); default all bundled packs.")
    java.util.List<String> domains;

    @Option(names = "--window-days", paramLabel = "DAYS", defaultValue = "365",
            description = "How long a position stays in force after its story's last report; a pressing and a "
                    + "resisting story conflict when their periods meet (default: ${DEFAULT-VALUE}).")
    long windowDays;

    @Option(names = {"--retention-days", "--grace-days"}, paramLabel = "DAYS", defaultValue = "730",
            description = "How far behind the latest event time a record may be and still count; older ones go to "
                    + "the dead-letter topic. Any arrival order within it gives the same conflicts "
                    + "(default: ${DEFAULT-VALUE}).")
    long retentionDays;

    /** The rules to run with: those of {@code --rules}, else the bundled ones. */
    public RuleSet rules() {
        return rulesDir == null ? RuleSet.loadDefault(domains) : RuleSet.load(rulesDir, domains);
    }

    public DetectionSettings settings() {
        return new DetectionSettings(Duration.ofDays(windowDays), Duration.ofDays(retentionDays));
    }
}
