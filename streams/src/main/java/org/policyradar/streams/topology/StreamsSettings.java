package org.policyradar.streams.topology;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.policyradar.topics.Topics;

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

    private StreamsSettings() {
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
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.NEWS_DLQ);
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
        // a new application reads the whole history: news.items.v1 is the source of truth
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        props.putAll(clientOverrides);
        return props;
    }
}
