package org.policyradar.app.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@link StreamsChildMain} running in a child JVM with the test's class path, its output (stdout and stderr)
 * in a log file that failure messages quote.
 */
final class StreamsChildProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private StreamsChildProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the application in a new JVM.
     *
     * @param settings extra Kafka client or Streams settings, passed as KEY=VALUE arguments
     */
    static StreamsChildProcess start(Map<String, Object> clientConfig, String applicationId, Path stateDir,
                                     Map<String, String> settings, Path log) {
        List<String> args = new ArrayList<>(List.of(
                String.valueOf(clientConfig.get("bootstrap.servers")),
                String.valueOf(clientConfig.get("schema.registry.url")),
                applicationId,
                stateDir.toString()));
        settings.forEach((key, value) -> args.add(key + "=" + value));
        List<String> command = ChildJvm.command(StreamsChildMain.class.getName(), args);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new StreamsChildProcess(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a child JVM: " + command.get(0), e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, as a crash or the OOM killer would; returns once the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** The last lines of the child's output and its exit status, for failure messages. */
    String diagnosis() {
        List<String> lines = logText().lines().toList();
        String status = process.isAlive() ? "still running" : "exit status " + process.exitValue();
        return "child JVM " + process.pid() + " " + status + "; last lines of " + log + ":\n    "
                + String.join("\n    ", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** SIGTERM (the child closes Streams cleanly), then SIGKILL if it is still there after 30 s. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }
}
