package org.policyradar.app.alerts;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.policyradar.stack.TopicInitializer;
import org.policyradar.avro.ConflictAlert;
import org.policyradar.clients.ClientSettings;
import org.policyradar.registry.serde.RegistryAvroSerdes;
import org.policyradar.topics.Topic;
import org.policyradar.topics.TopicCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka side of the alert dispatcher: consumes {@link TopicCatalogue#POLICY_ALERTS} in a consumer group (committed
 * records only), hands each record to an {@link AlertRecordHandler}, and commits the record's offset only once it
 * is delivered or dead-lettered: at-least-once, one commit per record. Creates the dead-letter topic when it is
 * missing.
 */
public final class AlertDispatchLoop {

    /** The consumer group unless {@code --group-id} says otherwise. */
    public static final String DEFAULT_GROUP_ID = "policy-radar-alerts";

    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatchLoop.class);

    private static final Topic<String, ConflictAlert> ALERTS = TopicCatalogue.POLICY_ALERTS;
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration DEFAULT_MAX_POLL_INTERVAL = Duration.ofMinutes(5);
    private static final Duration MAX_POLL_INTERVAL_MARGIN = Duration.ofMinutes(1);

    /**
     * @param groupId         the consumer group
     * @param deadLetterTopic where undeliverable alerts go
     * @param offsetReset     where a group with no committed offset starts: earliest or latest
     * @param max             stop after this many alerts (delivered or dead-lettered); 0 or less for no limit
     * @param longestPerAlert the longest one alert can take, retries included; the consumer's
     *                        {@code max.poll.interval.ms} is raised to it so that the group does not evict a
     *                        dispatcher that is waiting out a backoff
     */
    public record Settings(String groupId, String deadLetterTopic, String offsetReset, long max,
                           Duration longestPerAlert) {
    }

    /** What a run did. */
    public record Summary(long delivered, long deadLettered, long skipped) {

        /** Alerts delivered or dead-lettered. */
        public long handled() {
            return delivered + deadLettered;
        }
    }

    private final Map<String, Object> clientConfig;
    private final Settings settings;
    private final AlertDispatcher dispatcher;
    private final String webhook;

    /**
     * @param clientConfig Kafka client and serde settings (bootstrap.servers, schema.registry.url, security...)
     * @param webhook      the webhook's redacted address, for dead-letter headers
     */
    public AlertDispatchLoop(Map<String, Object> clientConfig, Settings settings, AlertDispatcher dispatcher,
                             String webhook) {
        this.clientConfig = Map.copyOf(clientConfig);
        this.settings = settings;
        this.dispatcher = dispatcher;
        this.webhook = webhook;
    }

    /**
     * Dispatches alerts until {@code stopRequested} is true, the {@code max} is reached, or the handler is
     * interrupted (the alert in hand is then not committed and will be dispatched again by the next run).
     *
     * @throws IllegalStateException when the alerts topic is missing or a dead letter cannot be written
     */
    public Summary run(BooleanSupplier stopRequested) {
        ensureDeadLetterTopic();
        Serde<ConflictAlert> serde = ALERTS.serdes(RegistryAvroSerdes.of(clientConfig)).value();
        long delivered = 0;
        long deadLettered = 0;
        long skipped = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(),
                     new ByteArraySerializer(), new ByteArraySerializer())) {
            AlertRecordHandler handler = new AlertRecordHandler(serde.deserializer(), dispatcher,
                    new KafkaDeadLetterSink(producer, settings.deadLetterTopic(), webhook));
            consumer.subscribe(List.of(ALERTS.name()));
            LOG.info("Dispatching {} (group {}) to {}; undeliverable alerts go to {}", ALERTS.name(),
                    settings.groupId(), webhook, settings.deadLetterTopic());
            polling:
            while (!stopRequested.getAsBoolean() && !limitReached(delivered + deadLettered)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    AlertRecordHandler.Outcome outcome;
                    try {
                        outcome = handler.handle(record);
                    } catch (InterruptedException e) {
                        LOG.info("Stopped while handling {}-{}@{}; it will be dispatched again on the next run",
                                record.topic(), record.partition(), record.offset());
                        break polling;
                    }
                    commit(consumer, record);
                    switch (outcome) {
                        case DELIVERED -> delivered++;
                        case DEAD_LETTERED -> deadLettered++;
                        default -> skipped++;
                    }
                    if (stopRequested.getAsBoolean() || limitReached(delivered + deadLettered)) {
                        break polling;
                    }
                }
            }
        } finally {
            serde.close();
        }
        Summary summary = new Summary(delivered, deadLettered, skipped);
        LOG.info("Alerts delivered: {}, dead-lettered: {}", summary.delivered(), summary.deadLettered());
        return summary;
    }

    private boolean limitReached(long handled) {
        return settings.max() > 0 && handled >= settings.max();
    }

    private static void commit(KafkaConsumer<byte[], byte[]> consumer, ConsumerRecord<byte[], byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try {
            consumer.commitSync(Map.of(partition,
                    new OffsetAndMetadata(record.offset() + 1, record.leaderEpoch(), "")));
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // the partition moved to another member, which starts from the last commit: the alert may be sent
            // twice, and its Idempotency-Key lets the receiver notice
            LOG.warn("Could not commit {}-{}@{} ({}); it may be dispatched again", record.topic(),
                    record.partition(), record.offset(), e.getMessage());
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = ClientSettings.readCommittedConsumer(clientConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, settings.offsetReset());
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // one record per poll: the next record waits in the fetch buffer while this one is retried
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        Duration interval = settings.longestPerAlert().plus(MAX_POLL_INTERVAL_MARGIN);
        config.putIfAbsent(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG,
                (int) Math.min(Integer.MAX_VALUE, Math.max(DEFAULT_MAX_POLL_INTERVAL.toMillis(), interval.toMillis())));
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "policy-radar-alerts");
        return config;
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> config = ClientSettings.idempotentProducer(clientConfig);
        config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "policy-radar-alerts-dlq");
        return config;
    }

    /** Creates the dead-letter topic, with as many partitions as the alerts topic, when it does not exist. */
    private void ensureDeadLetterTopic() {
        try (Admin admin = Admin.create(ClientSettings.admin(clientConfig))) {
            TopicDescription alerts;
            try {
                alerts = admin.describeTopics(List.of(ALERTS.name())).allTopicNames().get()
                        .get(ALERTS.name());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                    throw new IllegalStateException("Topic " + ALERTS.name() + " does not exist on the cluster "
                            + "at " + ClientSettings.bootstrapServers(clientConfig) + ": start the pipeline first",
                            e.getCause());
                }
                throw new IllegalStateException("Cannot describe " + ALERTS.name() + ": "
                        + e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while describing " + ALERTS.name(), e);
            }
            new TopicInitializer(admin, alerts.partitions().size())
                    .createMissing(List.of(AlertDeadLetters.topic(settings.deadLetterTopic())));
        }
    }
}
