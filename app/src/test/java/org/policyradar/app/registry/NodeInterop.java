package org.policyradar.app.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs the Node.js scripts of {@code src/test/js/registry-interop} (Confluent's JavaScript Schema Registry client
 * and kafkajs) as child processes.
 *
 * <p>The scripts are copied to {@code target/registry-interop} and their npm packages installed there with
 * {@code npm ci} (from the committed package-lock.json), so the source tree stays clean. The installation is
 * reused while the lock file is unchanged.
 */
final class NodeInterop {

    /** What a script did: its exit code and everything it printed. */
    record Result(String script, int exitCode, String stdout, String stderr) {

        /** The JSON document the script printed as its last stdout line, after checking that it exited 0. */
        JsonNode json() {
            if (exitCode != 0) {
                throw new AssertionError("node " + script + " exited with " + exitCode + "\n--- stderr:\n"
                        + tail(stderr) + "\n--- stdout:\n" + tail(stdout));
            }
            String last = stdout.strip().lines().reduce((first, second) -> second).orElse("");
            try {
                return JSON.readTree(last);
            } catch (IOException e) {
                throw new AssertionError("node " + script + " printed no JSON on its last stdout line: '" + last
                        + "'\n--- stderr:\n" + tail(stderr), e);
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MIN_NODE_MAJOR = 20;
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration VERSION_TIMEOUT = Duration.ofSeconds(30);
    private static final String SOURCE = "src/test/js/registry-interop";
    private static final String INSTALLED_LOCK = "node_modules/.policy-radar-installed-package-lock.json";
    private static final Pattern NODE_VERSION = Pattern.compile("v(\\d+)\\..*");

    private final Path workDir;
    private final AtomicInteger runs = new AtomicInteger();

    private NodeInterop(Path workDir) {
        this.workDir = workDir;
    }

    /**
     * Checks that {@code node} (version {@value #MIN_NODE_MAJOR} or later) and {@code npm} are on the PATH, copies
     * the scripts under {@code target/} and installs their packages when they are missing or out of date.
     *
     * @throws AssertionError naming what is missing and how to get it
     */
    static NodeInterop prepare() {
        Path moduleDir = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        Path source = moduleDir.resolve(SOURCE);
        if (!Files.isRegularFile(source.resolve("package-lock.json"))) {
            throw new AssertionError("Cannot find the interop scripts: " + source + " has no package-lock.json");
        }
        Path workDir = moduleDir.resolve("target").resolve("registry-interop");
        requireNode(workDir.getParent());
        copyScripts(source, workDir);
        installPackages(workDir);
        return new NodeInterop(workDir);
    }

    /** The directory the scripts run in; a good place for their input files. */
    Path workDir() {
        return workDir;
    }

    /** Runs {@code node script args...} in the work directory and waits at most {@code timeout}. */
    Result run(Duration timeout, String script, String... args) {
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(Arrays.asList(args));
        Path logs = workDir.resolve("runs");
        String name = runs.incrementAndGet() + "-" + script.replace(".mjs", "");
        ProcessOutput output = execute(command, workDir, logs.resolve(name), timeout);
        return new Result(script, output.exitCode(), output.stdout(), output.stderr());
    }

    private static void requireNode(Path scratch) {
        String nodeVersion = version(List.of("node", "--version"), scratch, "node");
        Matcher matcher = NODE_VERSION.matcher(nodeVersion);
        if (!matcher.matches() || Integer.parseInt(matcher.group(1)) < MIN_NODE_MAJOR) {
            throw new AssertionError("ConfluentJsClientInteropIT needs Node.js " + MIN_NODE_MAJOR
                    + " or later, but `node --version` printed '" + nodeVersion + "'");
        }
        version(List.of("npm", "--version"), scratch, "npm");
    }

    private static String version(List<String> command, Path scratch, String tool) {
        ProcessOutput output;
        try {
            output = execute(command, scratch, scratch.resolve("registry-interop-" + tool + "-version"), VERSION_TIMEOUT);
        } catch (UncheckedIOException e) {
            throw new AssertionError("ConfluentJsClientInteropIT runs Confluent's JavaScript Schema Registry client "
                    + "and needs Node.js " + MIN_NODE_MAJOR + "+ with npm, but `" + tool
                    + "` could not be started (is it installed and on the PATH?): " + e.getMessage(), e);
        }
        if (output.exitCode() != 0) {
            throw new AssertionError("`" + String.join(" ", command) + "` failed with exit code "
                    + output.exitCode() + ": " + tail(output.stderr()));
        }
        return output.stdout().strip();
    }

    private static void copyScripts(Path source, Path workDir) {
        try {
            Files.createDirectories(workDir);
            try (Stream<Path> files = Files.list(source)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".mjs") || name.equals("package.json") || name.equals("package-lock.json")) {
                        Files.copy(file, workDir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the interop scripts from " + source + " to " + workDir, e);
        }
    }

    private static void installPackages(Path workDir) {
        Path lock = workDir.resolve("package-lock.json");
        Path installedLock = workDir.resolve(INSTALLED_LOCK);
        try {
            if (Files.isRegularFile(installedLock) && Files.mismatch(lock, installedLock) == -1) {
                return;
            }
            ProcessOutput output = execute(List.of("npm", "ci", "--no-audit", "--no-fund"), workDir,
                    workDir.getParent().resolve("registry-interop-npm-ci"), INSTALL_TIMEOUT);
            if (output.exitCode() != 0) {
                throw new AssertionError("`npm ci` in " + workDir + " failed with exit code " + output.exitCode()
                        + " (the npm registry must be reachable the first time):\n" + tail(output.stderr()));
            }
            Files.copy(lock, installedLock, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot install the interop scripts' npm packages in " + workDir, e);
        }
    }

    private record ProcessOutput(int exitCode, String stdout, String stderr) {
    }

    /**
     * Runs a command with its output in files next to {@code logPrefix} (files, not pipes, so that a chatty child
     * can never block on a full pipe), killing it after {@code timeout}.
     */
    private static ProcessOutput execute(List<String> command, Path dir, Path logPrefix, Duration timeout) {
        Path stdout = logPrefix.resolveSibling(logPrefix.getFileName() + ".stdout");
        Path stderr = logPrefix.resolveSibling(logPrefix.getFileName() + ".stderr");
        try {
            Files.createDirectories(logPrefix.getParent());
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("`" + String.join(" ", command) + "` did not finish within " + timeout
                        + "\n--- stderr:\n" + tail(Files.readString(stderr, StandardCharsets.UTF_8))
                        + "\n--- stdout:\n" + tail(Files.readString(stdout, StandardCharsets.UTF_8)));
            }
            return new ProcessOutput(process.exitValue(),
                    Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run `" + String.join(" ", command) + "` in " + dir + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running `" + String.join(" ", command) + "`", e);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    /** The end of a long output, enough to show an error without flooding the report. */
    private static String tail(String text) {
        int keep = 6000;
        return text.length() <= keep ? text : "[...]" + text.substring(text.length() - keep);
    }
}
