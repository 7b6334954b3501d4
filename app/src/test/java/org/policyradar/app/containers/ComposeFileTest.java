package org.policyradar.app.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The project's docker-compose.yml (CI also validates it with {@code docker-compose config -q}): published ports
 * are on the loopback interface unless opened on purpose, and the alert dispatcher's secrets reach it through
 * its environment, never its command line.
 */
class ComposeFileTest {

    private static final Path COMPOSE_FILE = Path.of("..", "docker-compose.yml");
    private static final Pattern PORT_ENTRY = Pattern.compile("^\\s+- \"(.+):(\\d+):(\\d+)\"\\s*$");

    private static List<String> lines() throws IOException {
        return Files.readAllLines(COMPOSE_FILE);
    }

    /** The lines of one top-level service, from its name to the next service. */
    private static List<String> service(String name) throws IOException {
        List<String> block = new ArrayList<>();
        boolean inside = false;
        for (String line : lines()) {
            if (line.matches("^  [a-z][a-z-]*:\\s*$")) {
                inside = line.strip().equals(name + ":");
            } else if (line.matches("^[a-z].*")) {
                inside = false;
            }
            if (inside) {
                block.add(line);
            }
        }
        return block;
    }

    @Test
    void shouldPublishEveryPortOnTheLoopbackInterfaceByDefault() throws IOException {
        List<String> bindings = new ArrayList<>();
        for (String line : lines()) {
            Matcher entry = PORT_ENTRY.matcher(line);
            if (entry.matches()) {
                bindings.add(entry.group(1));
            }
        }

        assertThat(bindings).containsExactly("${KAFKA_HOST_BIND:-127.0.0.1}", "${REGISTRY_HOST_BIND:-127.0.0.1}");
        assertThat(lines()).filteredOn(line -> line.matches("^\\s+- \"?\\d+:\\d+\"?\\s*$")).isEmpty();
    }

    @Test
    void shouldPassTheWebhookUrlAndSecretThroughTheEnvironmentOnly() throws IOException {
        List<String> alerts = service("alerts");
        int command = alerts.indexOf("    command:");

        assertThat(alerts).contains("      POLICY_RADAR_WEBHOOK_URL: ${ALERT_WEBHOOK_URL:-}",
                "      POLICY_RADAR_WEBHOOK_SECRET: ${ALERT_WEBHOOK_SECRET:-}");
        assertThat(command).isPositive();
        assertThat(alerts.subList(command, alerts.size()))
                .noneMatch(line -> line.contains("WEBHOOK") || line.contains("SECRET") || line.contains("--secret")
                        || line.contains("--webhook"));
        assertThat(alerts).noneMatch(line -> line.contains("entrypoint"));
    }
}
