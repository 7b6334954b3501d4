package org.policyradar.app.pipeline;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.tools.StreamsResetter;
import org.policyradar.avro.ConflictAlert;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.clients.ClientSettings;
import org.policyradar.clients.TopicReader;
import org.policyradar.registry.serde.RegistryAvroSerdes;
import org.policyradar.streams.enrich.RuleSet;
import org.policyradar.streams.conflict.ConflictRetractions;
import org.policyradar.streams.topology.DetectionSettings;
import org.policyradar.streams.topology.StreamsRunner;
import org.policyradar.topics.TopicCatalogue;
import org.policyradar.topics.TopicSerdes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reprocesses the whole history of news.items.v1 with the current rules. It resets the Streams application with
 * Kafka's own {@link StreamsResetter} (input offsets to the start, internal topics deleted) and wipes its local
 * state, runs the topology until it has caught up, and then retracts every conflict that was on
 * policy.conflicts.v1 before but was not found again: a tombstone on the compacted topic and a RETRACTED alert
 * ({@link ConflictRetractions} decides which, and what the alerts say).
 * With unchanged rules every conflict is found again with the same id and value, so nothing is retracted.
 *
 * <p>All instances of the application must be stopped first, as for any Streams reset.
 */
public final class Replay {

    private static final Logger LOG = LoggerFactory.getLogger(Replay.class);

    private final Map<String, Object> clientConfig;
    private final String applicationId;
    private final Path stateDir;
    private final DetectionSettings settings;
    private final RuleSet rules;

    public Replay(Map<String, Object> clientConfig, String applicationId, Path stateDir, DetectionSettings settings,
                  RuleSet rules) {
        this.clientConfig = clientConfig;
        this.applicationId = applicationId;
        this.stateDir = stateDir;
        this.settings = settings;
        this.rules = rules;
    }

    /** What a replay did. */
    public record Outcome(int conflictsBefore, int conflictsFound, int retracted) {
    }

    /**
     * Resets, reprocesses until idle and retracts; returns with the Streams application still running, so that
     * the caller decides whether to stop it ({@code --until-idle}) or keep it going.
     */
    public Started start(Duration quietPeriod, Duration timeout) throws InterruptedException {
        TopicSerdes<String, PolicyConflict> conflicts = TopicCatalogue.POLICY_CONFLICTS.serdes(avroSerdes());
        List<ConsumerRecord<String, PolicyConflict>> history = TopicReader.readAll(clientConfig,
                conflicts.name(), conflicts.key().deserializer(), conflicts.value().deserializer());
        Map<String, PolicyConflict> before = TopicReader.latest(history);
        // what the replay writes lands after these offsets
        Map<Integer, Long> mark = new HashMap<>();
        history.forEach(record -> mark.merge(record.partition(), record.offset() + 1, Math::max));

        reset();
        StreamsRunner runner = StreamsPipeline.start(clientConfig, applicationId, stateDir, settings, rules);
        try (Admin admin = Admin.create(ClientSettings.admin(clientConfig))) {
            if (!new IdleDetector(admin, applicationId, quietPeriod).awaitIdle(timeout) || runner.failed()) {
                runner.close();
                throw new IllegalStateException(runner.failed() ? "the Streams application failed during the replay"
                        : "the replay did not catch up within " + timeout);
            }
        }
        List<ConsumerRecord<String, PolicyConflict>> all = TopicReader.readAll(clientConfig, conflicts.name(),
                conflicts.key().deserializer(), conflicts.value().deserializer());
        Set<String> foundAgain = new HashSet<>();
        all.stream().filter(record -> record.offset() >= mark.getOrDefault(record.partition(), 0L))
                .forEach(record -> foundAgain.add(record.key()));
        List<PolicyConflict> gone = ConflictRetractions.gone(before, foundAgain);
        retract(ConflictRetractions.alerts(gone, rules.version()));
        Outcome outcome = new Outcome(before.size(), foundAgain.size(), gone.size());
        LOG.info("Replay with rules {}: {} conflicts before, {} found again or new, {} retracted",
                rules.version(), outcome.conflictsBefore(), outcome.conflictsFound(), outcome.retracted());
        return new Started(runner, outcome);
    }

    /** The running application after a replay, and what the replay did. */
    public record Started(StreamsRunner runner, Outcome outcome) {
    }

    private void reset() {
        Properties config = new Properties();
        clientConfig.forEach((key, value) -> {
            if (!key.startsWith("schema.registry") && !key.startsWith("basic.auth")) {
                config.put(key, value);
            }
        });
        String[] args = {
            "--application-id", applicationId,
            "--bootstrap-server", ClientSettings.bootstrapServers(clientConfig),
            "--input-topics", TopicCatalogue.NEWS_ITEMS.name(),
            "--to-earliest",
            "--force",
        };
        int status = new StreamsResetter().execute(args, config);
        if (status != 0) {
            throw new IllegalStateException("Kafka's StreamsResetter failed for application " + applicationId
                    + " (exit status " + status + "); see the messages above");
        }
        Directories.deleteRecursively(stateDir.resolve(applicationId));
    }

    /** Writes each retraction: a tombstone on the conflicts topic and its RETRACTED alert. */
    private void retract(List<ConflictAlert> retractions) {
        if (retractions.isEmpty()) {
            return;
        }
        TopicSerdes<String, PolicyConflict> conflictTopic = TopicCatalogue.POLICY_CONFLICTS.serdes(avroSerdes());
        TopicSerdes<String, ConflictAlert> alertTopic = TopicCatalogue.POLICY_ALERTS.serdes(avroSerdes());
        Map<String, Object> producerConfig = ClientSettings.knownTo(ClientSettings.idempotentProducer(clientConfig),
                ProducerConfig.configNames());
        producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, applicationId + "-replay-retractions");
        // the tombstone and its alert are written together or not at all
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(producerConfig,
                conflictTopic.key().serializer(),
                (topic, value) -> value instanceof ConflictAlert alert
                        ? alertTopic.value().serializer().serialize(topic, alert)
                        : conflictTopic.value().serializer().serialize(topic, (PolicyConflict) value))) {
            producer.initTransactions();
            producer.beginTransaction();
            for (ConflictAlert retraction : retractions) {
                producer.send(new ProducerRecord<>(conflictTopic.name(), retraction.getConflictId(), null));
                producer.send(new ProducerRecord<>(alertTopic.name(), retraction.getConflictId(), retraction));
            }
            producer.commitTransaction();
        }
    }

    private RegistryAvroSerdes avroSerdes() {
        return RegistryAvroSerdes.of(clientConfig);
    }
}
