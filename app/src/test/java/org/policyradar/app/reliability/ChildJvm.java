package org.policyradar.app.reliability;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a child JVM that runs a main class with the test's own class path. */
final class ChildJvm {

    private ChildJvm() {
    }

    static List<String> command(String mainClass, List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // small and quick to start: the machine is shared with the test JVM and the broker
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"),
                mainClass));
        command.addAll(args);
        return command;
    }
}
