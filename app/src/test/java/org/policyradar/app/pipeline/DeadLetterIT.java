package org.policyradar.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.avro.EnrichedNewsItem;
import org.policyradar.avro.EventTimeSource;
import org.policyradar.avro.NewsItem;
import org.policyradar.registry.serde.KafkaAvroSerializer;
import org.policyradar.registry.serde.SpecificAvroSerde;
import org.policyradar.streams.enrich.RuleSet;
import org.policyradar.streams.topology.DetectionSettings;
import org.policyradar.streams.topology.StreamsRunner;
import org.policyradar.testkit.EmbeddedStack;
import org.policyradar.testkit.TopicRecords;
import org.policyradar.topics.Topics;

/**
 * Poison pills on news.items.v1 on the real broker: each one lands on news.dlq.v1 with the reason, topic,
 * partition and offset in headers, and the good record after them is still processed.
 */
class DeadLetterIT {

    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");

    @TempDir
    static Path dir;

    @RegisterExtension
    static final EmbeddedStack STACK = new EmbeddedStack();
    private static Map<String, Object> config;

    @BeforeAll
    static void startStack() {
        config = STACK.clientConfig();
    }

    @Test
    void shouldRouteEveryPoisonPillToTheDeadLetterTopicAndKeepProcessing() throws Exception {
        try (StreamsRunner runner = StreamsPipeline.start(config, "dlq-it", dir.resolve("state"),
                DetectionSettings.DEFAULTS, RuleSet.loadDefault())) {
            assertThat(runner.awaitRunning(Duration.ofSeconds(60))).isTrue();
            sendRaw("not-avro", "plain text, not Avro".getBytes(StandardCharsets.UTF_8));
            sendRaw("unknown-id", ByteBuffer.allocate(9).put((byte) 0).putInt(987_654).putInt(42).array());
            sendRaw("tombstone", null);
            sendOtherSchema("other-schema");
            sendItem(newsItem("too-large", "ICE ".repeat(20_000)));
            sendItem(newsItem("good-1", "An NYPD memo tells officers not to assist federal immigration agents."));

            List<ConsumerRecord<byte[], byte[]>> dead = TopicRecords.readAtLeast(STACK.bootstrapServers(), Topics.NEWS_DLQ, 5,
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            assertThat(dead).extracting(record -> new String(record.key(), StandardCharsets.UTF_8))
                    .containsExactlyInAnyOrder("not-avro", "unknown-id", "tombstone", "other-schema", "too-large");
            for (ConsumerRecord<byte[], byte[]> record : dead) {
                assertThat(header(record, "__streams.errors.message")).isNotBlank();
                assertThat(header(record, "__streams.errors.exception")).isNotBlank();
                assertThat(header(record, "__streams.errors.topic")).isEqualTo(Topics.NEWS_ITEMS);
                assertThat(header(record, "__streams.errors.partition")).isEqualTo("0");
                assertThat(Long.parseLong(header(record, "__streams.errors.offset"))).isBetween(0L, 4L);
            }
            assertThat(dead).filteredOn(r -> new String(r.key(), StandardCharsets.UTF_8).equals("unknown-id"))
                    .singleElement().satisfies(r -> assertThat(header(r, "__streams.errors.message")).contains("987654"));
            assertThat(dead).filteredOn(r -> new String(r.key(), StandardCharsets.UTF_8).equals("too-large"))
                    .singleElement().satisfies(r -> assertThat(header(r, "__streams.errors.message")).contains("limit"));

            SpecificAvroSerde<EnrichedNewsItem> enrichedSerde = new SpecificAvroSerde<>();
            enrichedSerde.configure(config, false);
            List<ConsumerRecord<String, EnrichedNewsItem>> enriched =
                    TopicRecords.readAtLeast(STACK.bootstrapServers(), Topics.NEWS_ENRICHED, 1,
                    new StringDeserializer(), enrichedSerde.deserializer());
            assertThat(enriched).extracting(ConsumerRecord::key).containsExactly("good-1");
            assertThat(runner.failed()).isFalse();
        }
    }

    private static NewsItem newsItem(String id, String text) {
        return NewsItem.newBuilder().setId(id).setSource("dlq-it").setText(text).setPublishedAt(T0)
                .setEventTimeSource(EventTimeSource.PUBLISHED).setIngestedAt(T0).build();
    }

    private static void sendRaw(String key, byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer =
                     new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.NEWS_ITEMS, key, value)).get();
        }
    }

    private static void sendItem(NewsItem item) throws Exception {
        SpecificAvroSerde<NewsItem> serde = new SpecificAvroSerde<>();
        serde.configure(config, false);
        try (KafkaProducer<String, NewsItem> producer =
                     new KafkaProducer<>(producerConfig(), new StringSerializer(), serde.serializer())) {
            producer.send(new ProducerRecord<>(Topics.NEWS_ITEMS, item.getId(), item)).get();
        }
    }

    /** Valid Avro in the wire format, registered under its own record-name subject, but not a NewsItem. */
    private static void sendOtherSchema(String key) throws Exception {
        Schema other = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"Weather\",\"namespace\":\"elsewhere\","
                + "\"fields\":[{\"name\":\"celsius\",\"type\":\"double\"}]}");
        GenericRecord record = new GenericData.Record(other);
        record.put("celsius", 21.5);
        Map<String, Object> serdeConfig = new HashMap<>(config);
        serdeConfig.put("value.subject.name.strategy", "RecordNameStrategy");
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(serdeConfig, false);
        try (KafkaProducer<String, Object> producer =
                     new KafkaProducer<>(producerConfig(), new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(Topics.NEWS_ITEMS, key, record)).get();
        }
    }

    private static Map<String, Object> producerConfig() {
        Map<String, Object> producer = new HashMap<>();
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.bootstrapServers());
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        return producer;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
