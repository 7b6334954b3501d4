package org.policyradar.app.containers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.app.pipeline.IdleDetector;
import org.policyradar.app.pipeline.NewsIngestion;
import org.policyradar.app.pipeline.StreamsPipeline;
import org.policyradar.avro.GovernmentLevel;
import org.policyradar.avro.NewsItem;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.avro.Stance;
import org.policyradar.producer.IngestOptions;
import org.policyradar.producer.NewsIngestor;
import org.policyradar.registry.serde.SpecificAvroSerde;
import org.policyradar.stack.TopicInitializer;
import org.policyradar.streams.enrich.RuleSet;
import org.policyradar.streams.topology.DetectionSettings;
import org.policyradar.streams.topology.StreamsRunner;
import org.policyradar.topics.Topics;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

/**
 * The pipeline against the real thing: an Apache Kafka broker (KRaft) and Confluent's own Schema Registry, in
 * containers on one network, with the images of docker-compose.yml. It proves that the project's serdes and
 * registry client speak the Confluent registry's REST API and wire format, which the embedded stack (the
 * project's own registry) cannot prove.
 *
 * <p>Needs a Docker engine; without one JUnit reports the class as skipped, never as passed.
 */
@Testcontainers(disabledWithoutDocker = true)
class ConfluentStackIT {

    /** The same tags as docker-compose.yml. */
    private static final DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka:4.1.0");
    private static final DockerImageName SCHEMA_REGISTRY_IMAGE =
            DockerImageName.parse("confluentinc/cp-schema-registry:8.0.0");

    /** How the registry container reaches the broker: a listener on the shared network. */
    private static final String KAFKA_NETWORK_LISTENER = "kafka:19092";
    private static final int REGISTRY_PORT = 8081;
    private static final String APPLICATION_ID = "containers-it";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration POLL = Duration.ofMillis(200);
    /** Consecutive empty polls after which a read gives up short of the end offsets (and fails). */
    private static final int MAX_EMPTY_POLLS = 150;

    @TempDir
    static Path stateDir;

    private static Network network;
    private static KafkaContainer kafka;
    private static GenericContainer<?> schemaRegistry;
    private static Map<String, Object> clientConfig;
    private static NewsIngestion.Result published;
    private static List<String> createdTopics;

    @BeforeAll
    static void runThePipelineOnTheContainers() throws Exception {
        network = Network.newNetwork();
        kafka = new KafkaContainer(KAFKA_IMAGE)
                .withNetwork(network)
                .withListener(KAFKA_NETWORK_LISTENER);
        schemaRegistry = new GenericContainer<>(SCHEMA_REGISTRY_IMAGE)
                .withNetwork(network)
                .withNetworkAliases("schema-registry")
                .withExposedPorts(REGISTRY_PORT)
                .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
                .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:" + REGISTRY_PORT)
                .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://" + KAFKA_NETWORK_LISTENER)
                .waitingFor(Wait.forHttp("/subjects").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(3)))
                .dependsOn(kafka);
        Startables.deepStart(kafka, schemaRegistry).join();

        clientConfig = new HashMap<>();
        clientConfig.put("bootstrap.servers", kafka.getBootstrapServers());
        clientConfig.put("schema.registry.url", registryUrl());

        createdTopics = TopicInitializer.createPipelineTopics(clientConfig, 1);
        published = NewsIngestion.publish(List.of(), IngestOptions.defaults(), clientConfig);
        try (StreamsRunner runner = StreamsPipeline.start(clientConfig, APPLICATION_ID, stateDir.resolve("state"),
                DetectionSettings.DEFAULTS, RuleSet.loadDefault());
             Admin admin = Admin.create(clientConfig)) {
            assertThat(new IdleDetector(admin, APPLICATION_ID, Duration.ofSeconds(3)).awaitIdle(Duration.ofMinutes(3)))
                    .as("the Streams application caught up with the seed news").isTrue();
            assertThat(runner.failed()).as("the Streams application failed").isFalse();
        }
    }

    @AfterAll
    static void stopTheContainers() {
        // in reverse order of start; each may be null when starting failed half way
        if (schemaRegistry != null) {
            schemaRegistry.stop();
        }
        if (kafka != null) {
            kafka.stop();
        }
        if (network != null) {
            network.close();
        }
    }

    @Test
    void shouldCreateEveryPipelineTopicAndPublishTheWholeSeed() throws IOException {
        assertThat(createdTopics).containsExactlyElementsOf(Topics.names());
        assertThat(published.successful()).as("publishing: %s", published).isTrue();
        assertThat(published.summary().published()).isEqualTo(seedItemIds().size());
    }

    @Test
    void shouldPublishConflictsReadableWithTheProjectSerde() throws IOException {
        SpecificAvroSerde<PolicyConflict> serde = new SpecificAvroSerde<>();
        serde.configure(clientConfig, false);
        Map<String, PolicyConflict> conflicts = latestByKey(readAll(Topics.POLICY_CONFLICTS, serde.deserializer()));
        Set<String> seedIds = seedItemIds();

        assertThat(conflicts).as("conflicts on %s", Topics.POLICY_CONFLICTS).isNotEmpty();
        assertThat(conflicts).allSatisfy((conflictId, conflict) -> {
            assertThat(conflict.getConflictId()).isEqualTo(conflictId);
            assertThat(conflict.getPressing().getPosition().getStance()).isEqualTo(Stance.PRESS);
            assertThat(conflict.getPressing().getPosition().getLevel()).isEqualTo(GovernmentLevel.FEDERAL);
            assertThat(conflict.getResisting().getPosition().getStance()).isEqualTo(Stance.RESIST);
            assertThat(conflict.getResisting().getPosition().getLevel())
                    .isIn(GovernmentLevel.STATE, GovernmentLevel.LOCAL);
            assertThat(conflict.getPressing().getPosition().getTopic()).isEqualTo(conflict.getTopic());
            assertThat(conflict.getResisting().getPosition().getTopic()).isEqualTo(conflict.getTopic());
            assertThat(conflict.getScore()).isBetween(0.0, 1.0);
            assertThat(seedIds).contains(conflict.getPressing().getItemId(), conflict.getResisting().getItemId());
        });
    }

    @Test
    void shouldRegisterTheSubjectsInTheConfluentRegistry() throws Exception {
        JsonNode subjects = getJson("/subjects");
        List<String> names = new ArrayList<>();
        subjects.forEach(subject -> names.add(subject.asText()));
        assertThat(names).contains(Topics.NEWS_ITEMS + "-value", Topics.POLICY_CONFLICTS + "-value");

        assertThat(registeredSchema("/subjects/" + Topics.NEWS_ITEMS + "-value/versions/latest"))
                .isEqualTo(fingerprint(NewsItem.getClassSchema()));
        assertThat(registeredSchema("/subjects/" + Topics.POLICY_CONFLICTS + "-value/versions/latest"))
                .isEqualTo(fingerprint(PolicyConflict.getClassSchema()));
    }

    @Test
    void shouldWriteConflictsInTheConfluentWireFormat() throws Exception {
        List<byte[]> values = readAll(Topics.POLICY_CONFLICTS, new ByteArrayDeserializer()).stream()
                .map(ConsumerRecord::value)
                .filter(Objects::nonNull) // a tombstone of a retracted conflict carries no schema
                .toList();
        assertThat(values).isNotEmpty();
        Set<Integer> schemaIds = new HashSet<>();
        for (byte[] value : values) {
            assertThat(value.length).isGreaterThan(5);
            assertThat(value[0]).as("magic byte").isZero();
            schemaIds.add(ByteBuffer.wrap(value, 1, 4).getInt());
        }
        assertThat(schemaIds).isNotEmpty();
        for (int id : schemaIds) {
            // the id in every record is one the Confluent registry issued, for the PolicyConflict schema
            assertThat(registeredSchema("/schemas/ids/" + id)).isEqualTo(fingerprint(PolicyConflict.getClassSchema()));
        }
    }

    private static String registryUrl() {
        return "http://" + schemaRegistry.getHost() + ":" + schemaRegistry.getMappedPort(REGISTRY_PORT);
    }

    /** The ids of the bundled seed items: ids are derived from the text, so read the seed as the producer does. */
    private static Set<String> seedItemIds() throws IOException {
        Set<String> ids = new HashSet<>();
        try (InputStream seed = ConfluentStackIT.class.getResourceAsStream(NewsIngestion.SEED_RESOURCE)) {
            new NewsIngestor(IngestOptions.defaults()).ingest("seed-news.txt", seed, (NewsItem item) -> ids.add(item.getId()));
        }
        return ids;
    }

    /**
     * Every committed record of {@code topic}, from the beginning to the end it had when this was called, in
     * offset order per partition.
     */
    private static <V> List<ConsumerRecord<String, V>> readAll(String topic, Deserializer<V> deserializer) {
        Map<String, Object> consumerConfig = new HashMap<>(clientConfig);
        // the Streams application writes in transactions (exactly-once)
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer =
                     new KafkaConsumer<>(consumerConfig, new StringDeserializer(), deserializer)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            int emptyPolls = 0;
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && emptyPolls < MAX_EMPTY_POLLS) {
                var batch = consumer.poll(POLL);
                emptyPolls = batch.isEmpty() ? emptyPolls + 1 : 0;
                batch.forEach(records::add);
            }
            assertThat(partitions).as("read %s up to its end offsets %s", topic, ends)
                    .allSatisfy(p -> assertThat(consumer.position(p)).isGreaterThanOrEqualTo(ends.get(p)));
        }
        return records;
    }

    /** The latest value of every key, as a compacted topic holds it; a tombstone removes its key. */
    private static <V> Map<String, V> latestByKey(List<ConsumerRecord<String, V>> records) {
        Map<String, V> latest = new HashMap<>();
        for (ConsumerRecord<String, V> record : records) {
            if (record.value() == null) {
                latest.remove(record.key());
            } else {
                latest.put(record.key(), record.value());
            }
        }
        return latest;
    }

    /** The parsing-form fingerprint of the schema a registry endpoint returns in its {@code schema} field. */
    private static long registeredSchema(String path) throws Exception {
        String schema = getJson(path).path("schema").asText();
        assertThat(schema).as("schema at %s", path).isNotEmpty();
        return fingerprint(new Schema.Parser().parse(schema));
    }

    /** Compares schemas by what they mean to a reader, not by their docs or formatting. */
    private static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    private static JsonNode getJson(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(registryUrl() + path))
                .header("Accept", "application/vnd.schemaregistry.v1+json").GET().build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
