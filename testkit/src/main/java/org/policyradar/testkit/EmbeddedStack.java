package org.policyradar.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.io.FileUtils;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.policyradar.clients.ClientSettings;
import org.policyradar.stack.LocalStack;
import org.policyradar.stack.TopicInitializer;

/**
 * The embedded stack — in-process KRaft broker with the pipeline's topics, and the Schema Registry on it — for one
 * test class ({@code @RegisterExtension static}): started on free ports in a fresh temporary directory before the
 * class's {@code @BeforeAll} methods, closed and deleted after its {@code @AfterAll} methods.
 */
public final class EmbeddedStack implements BeforeAllCallback, AfterAllCallback {

    private final int partitions;
    private Path dataDir;
    private LocalStack stack;

    /** A stack whose topics have the local stack's {@link TopicInitializer#LOCAL_PARTITIONS} partitions. */
    public EmbeddedStack() {
        this(TopicInitializer.LOCAL_PARTITIONS);
    }

    private EmbeddedStack(int partitions) {
        this.partitions = partitions;
    }

    /** A stack whose pipeline topics have {@code partitions} partitions each. */
    public static EmbeddedStack withPartitions(int partitions) {
        return new EmbeddedStack(partitions);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        dataDir = Files.createTempDirectory("policy-radar-stack-");
        stack = LocalStack.start(dataDir, 0, 0, partitions);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (stack != null) {
                stack.close();
            }
        } finally {
            if (dataDir != null) {
                deleteRecursively(dataDir);
            }
        }
    }

    /** The running stack. */
    public LocalStack stack() {
        return stack;
    }

    /** The broker's address, {@code 127.0.0.1:PORT}. */
    public String bootstrapServers() {
        return stack.bootstrapServers();
    }

    /** The registry's base URL, {@code http://127.0.0.1:PORT}. */
    public String registryUrl() {
        return stack.registryUrl();
    }

    /** bootstrap.servers and schema.registry.url of this stack, in a map the caller may add to. */
    public Map<String, Object> clientConfig() {
        return ClientSettings.forCluster(stack.bootstrapServers(), stack.registryUrl());
    }

    private static void deleteRecursively(Path dir) {
        try {
            FileUtils.deleteDirectory(dir.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
