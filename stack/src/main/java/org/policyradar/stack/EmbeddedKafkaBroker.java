package org.policyradar.stack;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.properties.MetaProperties;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.properties.PropertiesUtils;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An in-process, single-node Apache Kafka cluster in KRaft mode: one process that is both broker and
 * controller, built from Kafka's own server classes ({@link KafkaRaftServer}, {@link KafkaConfig} and the
 * storage {@link Formatter}).
 *
 * <p>The log directory lives under the given data directory. It is formatted on the first start only; later
 * starts on the same directory reuse it, so the cluster id, the topics and their records survive a restart.
 * Clients connect over PLAINTEXT to {@link #bootstrapServers()} on 127.0.0.1; the controller listens on a
 * second, free loopback port chosen at every start (the quorum is static, so the port may change).
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private static final int NODE_ID = 1;
    private static final String HOST = "127.0.0.1";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String LOG_DIR_NAME = "kafka-logs";

    private final KafkaRaftServer server;
    private final int port;
    private final String clusterId;
    private final Path logDir;
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, int port, String clusterId, Path logDir) {
        this.server = server;
        this.port = port;
        this.clusterId = clusterId;
        this.logDir = logDir;
    }

    /**
     * Starts a broker whose logs live under {@code dataDir} and returns once it accepts clients.
     *
     * @param dataDir the directory to keep the cluster in; created if missing, reused if it holds a cluster
     * @param port    the PLAINTEXT client port on 127.0.0.1, or 0 for a free port
     * @throws IllegalStateException if the port is taken or the broker cannot start
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port) {
        Path logDir = dataDir.toAbsolutePath().normalize().resolve(LOG_DIR_NAME);
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Kafka log directory " + logDir, e);
        }
        requireNotInUse(logDir);
        int clientPort = port == 0 ? FreePorts.pick(HOST) : FreePorts.requireFree(HOST, port, "Kafka");
        int controllerPort = FreePorts.pick(HOST);
        KafkaConfig config = new KafkaConfig(serverProperties(logDir, clientPort, controllerPort), false);

        String clusterId = formatIfNew(config, logDir);
        long startedAt = System.nanoTime();
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            // startup() returns once the broker has caught up with the metadata log and is unfenced
            server.startup();
        } catch (RuntimeException e) {
            shutDownQuietly(server);
            throw new IllegalStateException("The embedded Kafka broker failed to start on " + HOST + ":"
                    + clientPort + " with data in " + logDir + ": " + e.getMessage(), e);
        }
        log.info("Kafka broker (cluster {}) listening on {}:{}, data in {}, started in {} ms",
                clusterId, HOST, clientPort, logDir, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
        return new EmbeddedKafkaBroker(server, clientPort, clusterId, logDir);
    }

    /** The address clients bootstrap from, {@code 127.0.0.1:PORT}. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** The client port. */
    public int port() {
        return port;
    }

    /** The cluster id, stable across restarts on the same data directory. */
    public String clusterId() {
        return clusterId;
    }

    /** The directory that holds the topic partitions and the metadata log. */
    public Path logDir() {
        return logDir;
    }

    /** Shuts the broker down cleanly and waits until it has stopped; calling it again does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        log.info("Stopping Kafka broker on {}", bootstrapServers());
        server.shutdown();
        server.awaitShutdown();
        log.info("Kafka broker stopped");
    }

    private static Map<String, Object> serverProperties(Path logDir, int clientPort, int controllerPort) {
        Map<String, Object> props = new HashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", Integer.toString(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("listeners", "PLAINTEXT://" + HOST + ":" + clientPort + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + clientPort);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        // a single node: every internal topic has one replica
        props.put("offsets.topic.replication.factor", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");
        // fewer internal partitions make the first consumer group and the first transaction start quickly
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.num.partitions", "1");
        props.put("share.coordinator.state.topic.num.partitions", "1");
        // a lone consumer should not wait for others to join
        props.put("group.initial.rebalance.delay.ms", "0");
        // the default 128 MiB dedupe buffer is sized for production; compacting our topics needs little
        props.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
        return props;
    }

    /** Formats the log directory on the first start; returns the cluster id recorded there. */
    private static String formatIfNew(KafkaConfig config, Path logDir) {
        Path metaProperties = logDir.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME);
        if (Files.exists(metaProperties)) {
            return readClusterId(metaProperties);
        }
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream formatterOutput = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(formatterOutput, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(out)
                    .setNodeId(NODE_ID)
                    .setClusterId(clusterId)
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .addDirectory(logDir.toString())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format the Kafka log directory " + logDir + ": " + e.getMessage(), e);
        }
        log.debug("Formatted {}: {}", logDir, formatterOutput.toString(StandardCharsets.UTF_8).strip());
        log.info("Formatted a new Kafka cluster {} in {}", clusterId, logDir);
        return clusterId;
    }

    private static String readClusterId(Path metaProperties) {
        try {
            MetaProperties meta = new MetaProperties.Builder(
                    PropertiesUtils.readPropertiesFile(metaProperties.toString())).build();
            return meta.clusterId().orElseThrow(() ->
                    new IllegalStateException(metaProperties + " names no cluster.id"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + metaProperties, e);
        }
    }

    /**
     * Fails clearly when another broker holds the directory. Kafka would find out too, but only after
     * starting its controller, and it would log a stack trace on the way.
     */
    private static void requireNotInUse(Path logDir) {
        Path lockFile = logDir.resolve(".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                lock.release();
                return;
            }
        } catch (OverlappingFileLockException e) {
            // held by a broker in this JVM: fall through to the same message
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot check the lock of " + logDir, e);
        }
        throw new IllegalStateException("The Kafka data directory " + logDir
                + " is in use by another running broker (is another stack running on it?). Stop it, or choose another data directory.");
    }

    private static void shutDownQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            log.debug("Ignoring a failure while stopping a broker that did not start", e);
        }
    }
}
