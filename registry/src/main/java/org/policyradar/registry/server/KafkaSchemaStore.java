package org.policyradar.registry.server;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.policyradar.clients.ClientSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A store kept in a single-partition compacted Kafka topic (by convention {@code _schemas}), as Confluent's
 * registry keeps its own: every change is a record, the latest record per key is the state, and the topic is
 * read back to its end when the store opens, so schemas, ids and settings survive a restart.
 *
 * <p>Record format (JSON, the layout of Confluent's {@code _schemas} topic):
 * <pre>
 * key   {"keytype":"SCHEMA","subject":"s","version":1,"magic":1}
 * value {"subject":"s","version":1,"id":7,"schema":"...canonical Avro...","deleted":false}   (tombstone: removed)
 * key   {"keytype":"CONFIG","subject":"s","magic":0}          (subject null: the global setting)
 * value {"compatibilityLevel":"FULL"}                                                     (tombstone: removed)
 * </pre>
 * Other key types are skipped when reading.
 *
 * <p><b>One writer at a time.</b> The topic is read only when the store opens; afterwards this store assumes
 * it is the topic's only writer. Writes are synchronous: the record is produced, the broker's acknowledgement
 * (acks=all) awaited, and only then is the change applied in memory, so a failed write changes nothing. Run one
 * registry per topic; a second registry writing the same topic would not see the first one's changes and
 * could hand out the same id twice.
 *
 * <p>The topic is created when absent with one partition, {@code cleanup.policy=compact} and a replication
 * factor of min(3, number of brokers). An existing topic with more than one partition is refused.
 */
public final class KafkaSchemaStore extends IndexedSchemaStore {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaSchemaStore.class);
    private static final Duration INIT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final String topic;
    private final KafkaProducer<byte[], byte[]> producer;

    private KafkaSchemaStore(String topic, KafkaProducer<byte[], byte[]> producer, SchemaIndex index) {
        super(index);
        this.topic = topic;
        this.producer = producer;
    }

    /**
     * Opens (creating if absent) a single-partition compacted topic, reads it back to the end, then serves.
     *
     * @param kafkaClientConfig Kafka client settings: {@code bootstrap.servers} and any security settings
     *                          (SASL, TLS); each client takes the keys it knows
     * @param topic             the topic name, by convention {@code _schemas}
     * @throws IllegalStateException when the cluster cannot be reached, or the topic is unusable
     */
    public static KafkaSchemaStore open(Map<String, Object> kafkaClientConfig, String topic) {
        ensureTopic(kafkaClientConfig, topic);
        SchemaIndex index = new SchemaIndex();
        int records = readToEnd(kafkaClientConfig, topic, index);
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(kafkaClientConfig, topic));
        LOG.info("Schema store on topic '{}' loaded {} records: {} subjects, highest schema id {}",
                topic, records, index.subjects().size(), index.maxId());
        return new KafkaSchemaStore(topic, producer, index);
    }

    private static void ensureTopic(Map<String, Object> config, String topic) {
        Map<String, Object> adminConfig = ClientSettings.knownTo(ClientSettings.admin(config),
                AdminClientConfig.configNames());
        try (Admin admin = Admin.create(adminConfig)) {
            int brokers = admin.describeCluster().nodes().get(INIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
            short replication = (short) Math.max(1, Math.min(3, brokers));
            NewTopic newTopic = new NewTopic(topic, 1, replication)
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            try {
                admin.createTopics(List.of(newTopic)).all().get(INIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                LOG.info("Created schemas topic '{}' (1 partition, compacted, replication factor {})", topic, replication);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            TopicDescription description = describeOnceVisible(admin, topic);
            int partitions = description.partitions().size();
            if (partitions != 1) {
                throw new IllegalStateException("Schemas topic '" + topic + "' has " + partitions
                        + " partitions; it must have exactly 1 so that changes stay in order");
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot prepare schemas topic '" + topic + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while preparing schemas topic '" + topic + "'", e);
        }
    }

    /**
     * Describes the topic, waiting while the broker does not know it yet: a topic that was just created reaches
     * the brokers' metadata a moment after the controller accepted it.
     */
    private static TopicDescription describeOnceVisible(Admin admin, String topic)
            throws ExecutionException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + INIT_TIMEOUT.toNanos();
        while (true) {
            try {
                return admin.describeTopics(List.of(topic)).allTopicNames()
                        .get(INIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static int readToEnd(Map<String, Object> config, String topic, SchemaIndex index) {
        Map<String, Object> consumerConfig = ClientSettings.knownTo(ClientSettings.groupFreeConsumer(config),
                ConsumerConfig.configNames());
        consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumerConfig.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "schema-store-reader-" + topic);
        TopicPartition partition = new TopicPartition(topic, 0);
        int applied = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig)) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), INIT_TIMEOUT).get(partition);
            while (consumer.position(partition, INIT_TIMEOUT) < end) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.key() == null) {
                        continue;
                    }
                    try {
                        if (StoreRecordFormat.apply(record.key(), record.value(), index)) {
                            applied++;
                        }
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException("Unreadable record at offset " + record.offset()
                                + " of schemas topic '" + topic + "': " + e.getMessage(), e);
                    }
                }
            }
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new IllegalStateException("Timed out reading schemas topic '" + topic + "'", e);
        }
        return applied;
    }

    private static Map<String, Object> producerConfig(Map<String, Object> config, String topic) {
        Map<String, Object> producerConfig = ClientSettings.knownTo(ClientSettings.idempotentProducer(config),
                ProducerConfig.configNames());
        producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producerConfig.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        producerConfig.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "schema-store-writer-" + topic);
        return producerConfig;
    }

    @Override
    public void put(SchemaVersion version) {
        write(StoreRecordFormat.schemaKey(version.subject(), version.version()),
                StoreRecordFormat.schemaValue(version));
        index.put(version);
    }

    @Override
    public void remove(String subject, int version) {
        write(StoreRecordFormat.schemaKey(subject, version), null);
        index.remove(subject, version);
    }

    @Override
    public void putCompatibility(String subject, CompatibilityLevel level) {
        write(StoreRecordFormat.configKey(subject), StoreRecordFormat.configValue(level));
        index.putCompatibility(subject, level);
    }

    private void write(byte[] key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, 0, key, value))
                    .get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new SchemaStoreException("Write to schemas topic '" + topic + "' timed out", e, true);
        } catch (ExecutionException e) {
            throw new SchemaStoreException("Write to schemas topic '" + topic + "' failed: "
                    + e.getCause().getMessage(), e.getCause(), false);
        } catch (KafkaException e) {
            throw new SchemaStoreException("Write to schemas topic '" + topic + "' failed: " + e.getMessage(), e, false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaStoreException("Interrupted while writing to schemas topic '" + topic + "'", e, false);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
