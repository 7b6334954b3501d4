package org.policyradar.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.avro.EnrichedNewsItem;
import org.policyradar.avro.EventTimeSource;
import org.policyradar.avro.NewsItem;
import org.policyradar.registry.serde.SpecificAvroSerde;
import org.policyradar.streams.enrich.RuleSet;
import org.policyradar.streams.topology.DetectionSettings;
import org.policyradar.streams.topology.StreamsRunner;
import org.policyradar.testkit.EmbeddedStack;
import org.policyradar.testkit.TopicRecords;
import org.policyradar.topics.Topics;

/**
 * A record the producer refuses for its size does not stop the application: with {@code max.request.size} set
 * below the enriched record of one valid item, that item goes to news.dlq.v1 with the reason, the next item is
 * processed, and a restart on the same offsets and state stays up.
 */
class OversizeRecordIT {

    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    /** Below the enriched record of {@link #bigItem()} (about 17 KB), above every other record of the run. */
    private static final int MAX_REQUEST_BYTES = 16_384;

    @TempDir
    static Path dir;

    @RegisterExtension
    static final EmbeddedStack STACK = new EmbeddedStack();
    private static Map<String, Object> config;

    @BeforeAll
    static void startStack() {
        config = STACK.clientConfig();
        config.put("producer." + ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_REQUEST_BYTES);
    }

    @Test
    void shouldDeadLetterARecordRefusedForItsSizeProcessTheNextAndStayUpAfterARestart() throws Exception {
        try (StreamsRunner runner = StreamsPipeline.start(config, "oversize-it", dir.resolve("state"),
                DetectionSettings.DEFAULTS, RuleSet.loadDefault())) {
            assertThat(runner.awaitRunning(Duration.ofSeconds(60))).isTrue();
            send(bigItem());
            send(item("good-1", "An NYPD memo tells officers not to assist federal immigration agents."));

            assertThat(enrichedKeys(1)).containsExactly("good-1");
            List<ConsumerRecord<byte[], byte[]>> dead = TopicRecords.readAtLeast(STACK.bootstrapServers(),
                    Topics.NEWS_DLQ, 1, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            assertThat(dead).allSatisfy(record -> {
                assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("big-1");
                assertThat(new String(record.headers().lastHeader("__streams.errors.message").value(),
                        StandardCharsets.UTF_8)).contains("bytes that the producer accepts");
            });
            assertThat(runner.failed()).isFalse();
            assertThat(runner.state()).isEqualTo(KafkaStreams.State.RUNNING);
        }

        try (StreamsRunner restarted = StreamsPipeline.start(config, "oversize-it", dir.resolve("state"),
                DetectionSettings.DEFAULTS, RuleSet.loadDefault())) {
            assertThat(restarted.awaitRunning(Duration.ofSeconds(60))).isTrue();
            send(item("good-2", "Chicago's mayor said city police will not cooperate with ICE detainers."));

            assertThat(enrichedKeys(2)).containsExactly("good-1", "good-2");
            assertThat(restarted.failed()).isFalse();
        }
    }

    /** A valid item (text and headline within the limits) whose enriched record is over the request size. */
    private static NewsItem bigItem() {
        String headline = "Officials describe the new detainer policy at length ".repeat(18);
        String text = "The city council debated how local police respond to federal immigration requests. ".repeat(180);
        return NewsItem.newBuilder(item("big-1", text)).setHeadline(headline.strip()).build();
    }

    private static NewsItem item(String id, String text) {
        return NewsItem.newBuilder().setId(id).setSource("oversize-it").setText(text).setPublishedAt(T0)
                .setEventTimeSource(EventTimeSource.PUBLISHED).setIngestedAt(T0).build();
    }

    private static List<String> enrichedKeys(int atLeast) {
        SpecificAvroSerde<EnrichedNewsItem> serde = new SpecificAvroSerde<>();
        serde.configure(config, false);
        return TopicRecords.readAtLeast(STACK.bootstrapServers(), Topics.NEWS_ENRICHED, atLeast,
                new StringDeserializer(), serde.deserializer()).stream().map(ConsumerRecord::key).toList();
    }

    private static void send(NewsItem item) throws Exception {
        SpecificAvroSerde<NewsItem> serde = new SpecificAvroSerde<>();
        serde.configure(config, false);
        Map<String, Object> producer = new HashMap<>();
        producer.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, STACK.bootstrapServers());
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, NewsItem> kafka =
                     new KafkaProducer<>(producer, new StringSerializer(), serde.serializer())) {
            kafka.send(new ProducerRecord<>(Topics.NEWS_ITEMS, item.getId(), item)).get();
        }
    }
}
