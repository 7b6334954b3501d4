package org.policyradar.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.app.pipeline.StreamsPipeline;
import org.policyradar.avro.EventTimeSource;
import org.policyradar.avro.NewsItem;
import org.policyradar.producer.NewsPublisher;
import org.policyradar.producer.PublishFailure;
import org.policyradar.registry.serde.SpecificAvroSerde;
import org.policyradar.registry.server.KafkaSchemaStore;
import org.policyradar.registry.server.SchemaRegistryServer;
import org.policyradar.stack.EmbeddedKafkaBroker;
import org.policyradar.stack.LocalStack;
import org.policyradar.stack.TopicInitializer;
import org.policyradar.streams.enrich.RuleSet;
import org.policyradar.streams.topology.DetectionSettings;
import org.policyradar.streams.topology.StreamsRunner;
import org.policyradar.testkit.TopicRecords;
import org.policyradar.topics.Topics;

/**
 * The Schema Registry is unavailable: at the start of a producer, which then fails clearly after its retries, and
 * in the middle of a run, which goes on because producer and Streams serdes already know every schema id they
 * need. The stack is assembled here from its parts (broker, Kafka-backed schema store, registry server) so that
 * the registry alone can be stopped.
 */
class RegistryOutageIT {

    private static final String APPLICATION_ID = "registry-outage-it";
    private static final Instant T0 = Instant.parse("2026-02-01T09:00:00Z");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dir;

    private static EmbeddedKafkaBroker broker;
    private static KafkaSchemaStore store;
    private static SchemaRegistryServer registry;
    private static boolean registryRunning;

    @BeforeAll
    static void startStack() throws IOException {
        broker = EmbeddedKafkaBroker.start(dir.resolve("kafka"), 0);
        Map<String, Object> kafka = Map.of("bootstrap.servers", broker.bootstrapServers());
        TopicInitializer.createPipelineTopics(kafka, TopicInitializer.LOCAL_PARTITIONS);
        store = KafkaSchemaStore.open(kafka, LocalStack.SCHEMAS_TOPIC);
        registry = SchemaRegistryServer.start("127.0.0.1", 0, store);
        registryRunning = true;
    }

    @AfterAll
    static void stopStack() {
        stopRegistry();
        if (store != null) {
            store.close();
        }
        if (broker != null) {
            broker.close();
        }
    }

    private static synchronized void stopRegistry() {
        if (registryRunning) {
            registry.close();
            registryRunning = false;
        }
    }

    @Test
    void shouldFailEachItemWithAMessageNamingTheRegistryAfterRetriesWhenTheRegistryIsDownAtProducerStart()
            throws Exception {
        String downUrl = "http://127.0.0.1:" + PipelineWaits.freePort();
        Map<String, Object> config = PipelineWaits.clientConfig(broker.bootstrapServers(), downUrl);
        // small values of the registry client's retry settings (defaults: 3 retries from 1 s, doubling)
        config.put("max.retries", "2");
        config.put("retries.wait.ms", "100");
        SpecificAvroSerde<NewsItem> serde = new SpecificAvroSerde<>();
        serde.configure(config, false);
        List<PublishFailure> failures = Collections.synchronizedList(new ArrayList<>());
        List<NewsItem> items = List.of(
                anItem("registry-down-1", "The county board voted to end its detainer agreement."),
                anItem("registry-down-2", "The governor signed a law limiting cooperation with immigration agents."));

        long started = System.nanoTime();
        try (NewsPublisher publisher = new NewsPublisher(config, serde.serializer(), Duration.ofSeconds(10),
                failures::add)) {
            items.forEach(publisher::publish);
            publisher.flush();
            assertThat(publisher.acknowledgedCount()).isZero();
            assertThat(publisher.failedCount()).isEqualTo(items.size());
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(failures).extracting(PublishFailure::itemId).containsExactly("registry-down-1", "registry-down-2");
        assertThat(failures).allSatisfy(failure -> assertThat(failure.reason())
                .contains("Schema Registry unreachable at [" + downUrl + "]", "after 3 attempts",
                        "subject 'news.items.v1-value'"));
        // two waits per item, 100 ms then 200 ms: the retries backed off rather than hammering a dead registry
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(items.size() * 300L));
        assertThat(TopicRecords.readAll(broker.bootstrapServers(), Topics.NEWS_ITEMS, new StringDeserializer(),
                new ByteArrayDeserializer())).extracting(ConsumerRecord::key)
                .doesNotContain("registry-down-1", "registry-down-2");
    }

    @Test
    void shouldKeepProducingAndProcessingWhileTheRegistryIsDownAfterTheSchemasAreKnown() throws Exception {
        ReferenceRun.Reference reference = ReferenceRun.evalCorpus();
        Map<String, Object> config = PipelineWaits.clientConfig(broker.bootstrapServers(), registry.url());
        // the producer gets a registry client of its own, which would fail at once if it called the registry
        Map<String, Object> producerConfig = PipelineWaits.clientConfig(broker.bootstrapServers(), registry.url());
        producerConfig.put("max.retries", "0");
        SpecificAvroSerde<NewsItem> serde = new SpecificAvroSerde<>();
        serde.configure(producerConfig, false);
        List<PublishFailure> failures = Collections.synchronizedList(new ArrayList<>());

        try (StreamsRunner runner = StreamsPipeline.start(config, APPLICATION_ID, dir.resolve("state"),
                DetectionSettings.DEFAULTS, RuleSet.loadDefault());
             NewsPublisher publisher = new NewsPublisher(producerConfig, serde.serializer(), Duration.ofSeconds(30),
                     failures::add)) {
            ReliabilityCorpus.firstHalf().forEach(publisher::publish);
            publisher.flush();
            PipelineWaits.awaitIdle(config, APPLICATION_ID, () -> !runner.failed(), () -> "state " + runner.state());
            assertThat(get(registry.url() + "/subjects").body()).as("subjects registered by the first half")
                    .contains(Topics.NEWS_ITEMS + "-value", Topics.NEWS_ENRICHED + "-value",
                            Topics.POLICY_CONFLICTS + "-value", Topics.POLICY_ALERTS + "-value");
            String url = registry.url();

            stopRegistry();
            assertThatThrownBy(() -> get(url + "/subjects")).as("the registry is down")
                    .isInstanceOf(ConnectException.class);

            ReliabilityCorpus.secondHalf().forEach(publisher::publish);
            publisher.flush();
            assertThat(failures).as("items that failed while the registry was down").isEmpty();
            assertThat(publisher.acknowledgedCount()).isEqualTo(ReliabilityCorpus.items().size());

            PipelineWaits.awaitIdle(config, APPLICATION_ID, () -> !runner.failed(), () -> "state " + runner.state());
            assertThat(runner.failed()).isFalse();
            ExactlyOnceVerifier.Report report = new ExactlyOnceVerifier(config).verify(reference.expected());
            assertThat(report.problems()).as(report.toString()).isEmpty();
        }
    }

    private static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static NewsItem anItem(String id, String text) {
        return NewsItem.newBuilder().setId(id).setSource("registry-outage-it").setText(text).setPublishedAt(T0)
                .setEventTimeSource(EventTimeSource.PUBLISHED).setIngestedAt(T0).build();
    }
}
