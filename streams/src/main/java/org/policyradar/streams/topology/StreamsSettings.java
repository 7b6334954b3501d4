package org.policyradar.streams.topology;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.policyradar.clients.ClientSettings;
import org.policyradar.topics.TopicCatalogue;

/**
 * The Streams configuration Policy Radar runs with: exactly-once, explicit names for every internal resource,
 * and bad records routed to the dead-letter topic by Kafka's own handlers (KIP-1034) so that one bad record
 * never stops the pipeline and none is lost silently.
 */
public final class StreamsSettings {

    /** Default application id; also the prefix of every internal topic. */
    public static final String DEFAULT_APPLICATION_ID = "policy-radar";

    /** Stream threads unless overridden: one per core, at most four. */
    static final int DEFAULT_THREADS = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    /** Commit interval unless overridden. */
    static final int COMMIT_INTERVAL_MS = 200;

    /** Producer batch size (bytes per partition batch) unless overridden; the client default is 16 KiB. */
    static final int PRODUCER_BATCH_BYTES = 256 * 1024;

    private StreamsSettings() {
    }

    /**
     * The settings for the cluster that {@code clientConfig} names ({@link ClientSettings#BOOTSTRAP_SERVERS}), with
     * every client setting in it (SASL, TLS, tuning, the serdes' registry settings) passed on.
     *
     * @param applicationId the Streams application id
     * @param stateDir      where local state lives
     * @param clientConfig  the client settings a command was given
     */
    public static Properties of(String applicationId, Path stateDir, Map<String, ?> clientConfig) {
        return of(applicationId, ClientSettings.bootstrapServers(clientConfig), stateDir, clientConfig);
    }

    /**
     * @param applicationId    the Streams application id
     * @param bootstrapServers the Kafka cluster
     * @param stateDir         where local state lives
     * @param clientOverrides  any Kafka client or Streams setting (SASL, TLS, tuning); wins over the defaults
     */
    public static Properties of(String applicationId, String bootstrapServers, Path stateDir,
                                Map<String, ?> clientOverrides) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, TopicCatalogue.NEWS_DLQ.name());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterValues.Deserialization.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterValues.Processing.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, OversizeRecordHandler.class.getName());
        // one thread per core (up to 4): enrichment, stories, matching and conflicts are separate tasks, and with
        // a single thread the later steps wait behind the enrichment of every batch
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, DEFAULT_THREADS);
        // exactly-once commits every 100 ms by default: a transaction per thread each time, and the stores' caches
        // flushed as often; 200 ms halves both and keeps end-to-end latency well under a second
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS);
        // larger producer batches: every item writes several records (output, changelog, repartition), and the
        // broker's work per batch, not per byte, is what the pipeline pays for under transactions
        props.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), PRODUCER_BATCH_BYTES);
        // a new application reads the whole history: news.items.v1 is the source of truth
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        putRecoverySettings(props, applicationId, stateDir);
        props.putAll(clientOverrides);
        return props;
    }

    // ---- fast recovery: membership, session and state stores (see docs/reliability.md, "Recovery time") ----

    /**
     * How long the group waits for an instance that stopped heartbeating before its tasks go to the others.
     * With static membership a restarted instance takes its tasks back at once, whatever this is; the timeout
     * only decides how long the tasks of an instance that does not come back stay unprocessed.
     */
    public static final Duration SESSION_TIMEOUT = Duration.ofSeconds(30);

    /** The file in the state directory that keeps this instance's name from one start to the next. */
    public static final String INSTANCE_NAME_FILE = "policy-radar-instance-name";

    private static final Pattern INSTANCE_NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /**
     * Static membership ({@code group.instance.id} = application id + the instance name kept in the state
     * directory), so that a restarted instance replaces its dead self without waiting for its session to expire,
     * and transactional state stores (KIP-892), so that under exactly-once a crash no longer marks the tasks
     * corrupted and wipes their stores: only the writes since the last commit are replayed. Both can be
     * overridden like any setting ({@code main.consumer.group.instance.id}, {@code enable.transactional.statestores}).
     */
    private static void putRecoverySettings(Properties props, String applicationId, Path stateDir) {
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG),
                applicationId + "-" + instanceName(stateDir));
        props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
                (int) SESSION_TIMEOUT.toMillis());
        props.put(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG, true);
    }

    /**
     * The name of the instance that owns this state directory: read from {@link #INSTANCE_NAME_FILE}, or made up
     * (random) and written there on first use. Two live instances must never share a name (the broker would fence
     * one of them), which holds because Kafka Streams never lets two instances share a state directory.
     */
    public static String instanceName(Path stateDir) {
        Path file = stateDir.resolve(INSTANCE_NAME_FILE);
        try {
            if (Files.exists(file)) {
                String name = Files.readString(file, StandardCharsets.US_ASCII).trim();
                if (!INSTANCE_NAME.matcher(name).matches()) {
                    throw new IllegalStateException("invalid instance name in " + file + ": expected 1 to 64 of "
                            + "A-Z a-z 0-9 . _ -; delete the file to get a new name");
                }
                return name;
            }
            return writeInstanceName(stateDir, UUID.randomUUID().toString().substring(0, 8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the instance name in " + file, e);
        }
    }

    /** Names the instance that owns this state directory (e.g. after a host or pod name), for this and later starts. */
    public static String writeInstanceName(Path stateDir, String name) throws IOException {
        if (!INSTANCE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("instance name '" + name + "': expected 1 to 64 of A-Z a-z 0-9 . _ -");
        }
        Files.createDirectories(stateDir);
        Path file = stateDir.resolve(INSTANCE_NAME_FILE);
        Path temporary = Files.createTempFile(stateDir, INSTANCE_NAME_FILE, ".tmp");
        Files.writeString(temporary, name + "\n", StandardCharsets.US_ASCII);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return name;
    }
}
