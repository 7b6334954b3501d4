package org.policyradar.app.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.avro.EventTimeSource;
import org.policyradar.avro.NewsItem;
import org.policyradar.registry.client.CachedSchemaRegistryClient;
import org.policyradar.registry.serde.AvroSerdeConfig;
import org.policyradar.registry.serde.KafkaAvroDeserializer;
import org.policyradar.registry.serde.SpecificAvroSerde;
import org.policyradar.stack.LocalStack;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.policyradar.app.registry.JsNewsItemView.jsView;
import static org.policyradar.testkit.NewsItems.aCompleteNewsItem;

/**
 * Interoperability with Confluent's own JavaScript Schema Registry client ({@code @confluentinc/schemaregistry})
 * and kafkajs, run by Node.js against the embedded local stack: the JavaScript client's REST calls, its error
 * codes, and Avro records crossing Kafka in both directions between its serdes and the project's Java serdes.
 */
class ConfluentJsClientInteropIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Duration SCRIPT_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path stackDir;

    private static NodeInterop node;
    private static LocalStack stack;

    @TempDir
    Path work;

    @BeforeAll
    static void startStack() {
        // Node first: a missing or broken Node.js fails fast, before the broker spends seconds starting
        node = NodeInterop.prepare();
        stack = LocalStack.start(stackDir, 0, 0);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldServeTheJsClientsRegistrationLookupAndErrorCalls() throws Exception {
        String subject = "interop.registry-value";
        Path schemaFile = Files.writeString(work.resolve("news-item.avsc"), NewsItem.getClassSchema().toString());

        JsonNode answer = node.run(SCRIPT_TIMEOUT, "registry-calls.mjs",
                "--registry", stack.registryUrl(),
                "--subject", subject,
                "--schema-file", schemaFile.toString(),
                "--missing-subject", "interop.no-such-subject-value").json();

        CachedSchemaRegistryClient java = new CachedSchemaRegistryClient(stack.registryUrl());
        int id = java.getId(subject, NewsItem.getClassSchema());
        assertThat(answer.path("registeredId").asInt()).isEqualTo(id);
        assertThat(answer.path("registeredAgainId").asInt()).as("registering again is idempotent").isEqualTo(id);
        assertThat(new Schema.Parser().parse(answer.path("fetchedSchema").asText()))
                .as("the schema the JS client fetched by id")
                .isEqualTo(NewsItem.getClassSchema());
        assertThat(answer.path("latest").path("id").asInt()).isEqualTo(id);
        assertThat(answer.path("latest").path("version").asInt()).isEqualTo(1);
        assertThat(answer.path("latest").path("subject").asText()).isEqualTo(subject);
        assertThat(answer.path("versions")).containsExactly(NODES.numberNode(1));
        assertThat(answer.path("subjects")).contains(NODES.textNode(subject));

        assertThat(answer.path("incompatibleCompatible").asBoolean(true))
                .as("the compatibility test of a new required field").isFalse();
        assertThat(answer.path("incompatible").path("status").asInt()).isEqualTo(409);
        assertThat(answer.path("incompatible").path("errorCode").asInt()).isEqualTo(409);
        assertThat(java.getAllVersions(subject)).as("the refused change was not stored").containsExactly(1);

        assertThat(answer.path("missing").path("status").asInt()).isEqualTo(404);
        assertThat(answer.path("missing").path("errorCode").asInt()).isEqualTo(40401);
    }

    @Test
    void shouldDecodeInJavaScriptWhatTheJavaSerdeWroteToKafka() {
        String topic = "interop.java-to-js";
        createTopic(topic);
        List<NewsItem> items = List.of(
                aCompleteNewsItem().setId("java-1").build(),
                aCompleteNewsItem().setId("java-2").setUrl(null).setHeadline(null).setLanguage(null)
                        .setEventTimeSource(EventTimeSource.INGESTED)
                        .setAttributes(Map.of()).build());
        produceWithJavaSerde(topic, items);

        JsonNode answer = node.run(SCRIPT_TIMEOUT, "consume-avro.mjs",
                "--bootstrap", stack.bootstrapServers(),
                "--registry", stack.registryUrl(),
                "--topic", topic,
                "--count", Integer.toString(items.size())).json();

        int id = registeredId(topic + "-value");
        JsonNode records = answer.path("records");
        assertThat(records).hasSize(items.size());
        for (int i = 0; i < items.size(); i++) {
            JsonNode record = records.get(i);
            assertThat(record.path("key").asText()).isEqualTo(items.get(i).getId());
            assertThat(record.path("magicByte").asInt()).isZero();
            assertThat(record.path("schemaId").asInt()).isEqualTo(id);
            assertThat(record.path("value")).as("record %d as decoded by the JS deserializer", i)
                    .isEqualTo(jsView(items.get(i)));
        }
    }

    @Test
    void shouldReadInJavaWhatTheJsSerializerWroteToKafka() throws Exception {
        String topic = "interop.js-to-java";
        createTopic(topic);
        int id = new CachedSchemaRegistryClient(stack.registryUrl()).register(topic + "-value", NewsItem.getClassSchema());
        List<NewsItem> items = List.of(
                aCompleteNewsItem().setId("js-1").setHeadline(null).build(),
                aCompleteNewsItem().setId("js-2").setUrl(null).setLanguage(null)
                        .setEventTimeSource(EventTimeSource.INGESTED)
                        .setAttributes(Map.of("feed", "rss", "region", "US-NY")).build());
        ArrayNode input = JSON.createArrayNode();
        items.forEach(item -> input.addObject().put("key", item.getId()).set("value", jsView(item)));
        Path inputFile = Files.writeString(work.resolve("js-records.json"), input.toString());

        JsonNode answer = node.run(SCRIPT_TIMEOUT, "produce-avro.mjs",
                "--bootstrap", stack.bootstrapServers(),
                "--registry", stack.registryUrl(),
                "--topic", topic,
                "--input", inputFile.toString()).json();
        assertThat(answer.path("produced").asInt()).isEqualTo(items.size());
        assertThat(answer.path("records")).allSatisfy(record -> {
            assertThat(record.path("magicByte").asInt()).isZero();
            assertThat(record.path("schemaId").asInt()).as("the JS serializer used the registered schema").isEqualTo(id);
        });

        List<ConsumerRecord<String, byte[]>> records = consumeRaw(topic, items.size());
        Map<String, Object> config = Map.of(
                AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.registryUrl(),
                AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true);
        List<Object> decoded = new ArrayList<>();
        try (KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer()) {
            deserializer.configure(config, false);
            for (ConsumerRecord<String, byte[]> record : records) {
                assertThat(record.value()[0]).as("magic byte").isZero();
                assertThat(ByteBuffer.wrap(record.value(), 1, 4).getInt()).as("schema id").isEqualTo(id);
                decoded.add(deserializer.deserialize(topic, record.value()));
            }
        }
        assertThat(records).extracting(ConsumerRecord::key).containsExactly("js-1", "js-2");
        assertThat(decoded).containsExactlyElementsOf(items);
    }

    private static int registeredId(String subject) {
        try {
            return new CachedSchemaRegistryClient(stack.registryUrl()).getLatestSchemaMetadata(subject).id();
        } catch (Exception e) {
            throw new AssertionError("Cannot read the latest version of " + subject + ": " + e.getMessage(), e);
        }
    }

    private static void createTopic(String topic) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", stack.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        } catch (Exception e) {
            throw new AssertionError("Cannot create topic " + topic + ": " + e.getMessage(), e);
        }
    }

    private static void produceWithJavaSerde(String topic, List<NewsItem> items) {
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (SpecificAvroSerde<NewsItem> serde = new SpecificAvroSerde<>()) {
            serde.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, stack.registryUrl()), false);
            try (KafkaProducer<String, NewsItem> producer =
                         new KafkaProducer<>(producerConfig, new StringSerializer(), serde.serializer())) {
                for (NewsItem item : items) {
                    producer.send(new ProducerRecord<>(topic, item.getId(), item)).get();
                }
            }
        } catch (Exception e) {
            throw new AssertionError("Cannot produce to " + topic + ": " + e.getMessage(), e);
        }
    }

    private static List<ConsumerRecord<String, byte[]>> consumeRaw(String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        TopicPartition partition = new TopicPartition(topic, 0);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }
}
