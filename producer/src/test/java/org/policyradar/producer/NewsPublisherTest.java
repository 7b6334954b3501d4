package org.policyradar.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.policyradar.testkit.NewsItems.aNewsItem;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.policyradar.avro.NewsItem;
import org.policyradar.topics.Topics;

/** What the publisher does without a broker: its producer settings and how it counts and reports failures. */
class NewsPublisherTest {

    private static final Serializer<NewsItem> ID_ONLY = (topic, item) -> item.getId().getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldBuildAnIdempotentCompressedProducerConfig() {
        Map<String, Object> config = NewsPublisher.producerConfig(Map.of(
                "bootstrap.servers", "broker:9092",
                "client.id", "policy-radar-produce",
                "schema.registry.url", "http://registry:8081"));

        assertThat(config).contains(
                entry("bootstrap.servers", "broker:9092"),
                entry("enable.idempotence", true),
                entry("acks", "all"),
                entry("compression.type", "zstd"),
                entry("linger.ms", "5"),
                entry("client.id", "policy-radar-produce"),
                entry("schema.registry.url", "http://registry:8081"));
    }

    @Test
    void shouldKeepTheCallersCompressionAndLingerButDropSerializerClassNames() {
        Map<String, Object> config = NewsPublisher.producerConfig(Map.of(
                "bootstrap.servers", "broker:9092",
                "compression.type", "lz4",
                "linger.ms", 20,
                "acks", "-1",
                "key.serializer", StringSerializer.class.getName(),
                "value.serializer", StringSerializer.class.getName()));

        assertThat(config).contains(entry("compression.type", "lz4"), entry("linger.ms", 20), entry("acks", "all"))
                .doesNotContainKeys("key.serializer", "value.serializer");
    }

    @Test
    void shouldRefuseSettingsThatCouldLoseOrDuplicateItems() {
        assertThatThrownBy(() -> NewsPublisher.producerConfig(Map.of("bootstrap.servers", "b:9092", "acks", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("acks=1 is not allowed: news items are published with acks=all");
        assertThatThrownBy(() -> NewsPublisher.producerConfig(
                Map.of("bootstrap.servers", "b:9092", "enable.idempotence", false)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("enable.idempotence=false is not allowed");
    }

    @Test
    void shouldRequireBootstrapServers() {
        assertThatThrownBy(() -> NewsPublisher.producerConfig(Map.of("client.id", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bootstrap.servers");
    }

    @Test
    void shouldSendToTheNewsTopicKeyedById() {
        MockProducer<String, NewsItem> producer = mockProducer();
        NewsPublisher publisher = new NewsPublisher(producer, Duration.ofSeconds(1), failure -> { });

        publisher.publish(aNewsItem().setId("a").build());
        publisher.accept(aNewsItem().setId("b").build());

        assertThat(producer.history()).extracting(ProducerRecord::topic, ProducerRecord::key).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Topics.NEWS_ITEMS, "a"),
                org.assertj.core.groups.Tuple.tuple(Topics.NEWS_ITEMS, "b"));
        assertThat(producer.history().get(0).value().getId()).isEqualTo("a");
    }

    @Test
    void shouldCountAcknowledgementsAndCollectAndReportFailures() {
        MockProducer<String, NewsItem> producer = mockProducer();
        List<PublishFailure> reported = new ArrayList<>();
        NewsPublisher publisher = new NewsPublisher(producer, Duration.ofSeconds(1), reported::add);

        publisher.publish(aNewsItem().setId("ok-1").build());
        publisher.publish(aNewsItem().setId("lost").build());
        publisher.publish(aNewsItem().setId("ok-2").build());
        producer.completeNext();
        producer.errorNext(new TimeoutException("Expiring 1 record(s) for news.items.v1-0"));
        producer.completeNext();

        assertThat(publisher.sentCount()).isEqualTo(3);
        assertThat(publisher.acknowledgedCount()).isEqualTo(2);
        assertThat(publisher.failedCount()).isEqualTo(1);
        assertThat(publisher.hasFailures()).isTrue();
        assertThat(publisher.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.itemId()).isEqualTo("lost");
            assertThat(failure.reason()).isEqualTo("TimeoutException: Expiring 1 record(s) for news.items.v1-0");
        });
        assertThat(reported).isEqualTo(publisher.failures());
    }

    @Test
    void shouldCollectAFailureRaisedBySendItself() {
        MockProducer<String, NewsItem> producer = mockProducer();
        List<PublishFailure> reported = new ArrayList<>();
        NewsPublisher publisher = new NewsPublisher(producer, Duration.ofSeconds(1), reported::add);
        producer.sendException = new SerializationException("schema registry unreachable");

        publisher.publish(aNewsItem().setId("unserializable").build());

        assertThat(publisher.failedCount()).isEqualTo(1);
        assertThat(reported).singleElement().satisfies(failure -> {
            assertThat(failure.itemId()).isEqualTo("unserializable");
            assertThat(failure.error()).isInstanceOf(SerializationException.class);
            assertThat(failure).hasToString(
                    "item unserializable was not published: SerializationException: schema registry unreachable");
        });
    }

    @Test
    void shouldConfirmDeliveryOnlyWhenNothingSentSinceTheLastConfirmationFailed() {
        MockProducer<String, NewsItem> producer = mockProducer();
        NewsPublisher publisher = new NewsPublisher(producer, Duration.ofSeconds(1), failure -> { });

        publisher.publish(aNewsItem().setId("delivered").build());
        boolean first = publisher.flushAndConfirm();
        producer.sendException = new SerializationException("schema registry unreachable");
        publisher.publish(aNewsItem().setId("lost").build());
        boolean second = publisher.flushAndConfirm();
        boolean third = publisher.flushAndConfirm();

        assertThat(first).isTrue();
        assertThat(publisher.acknowledgedCount()).isEqualTo(1);
        assertThat(second).isFalse();
        assertThat(third).isTrue();
    }

    @Test
    void shouldCloseTheProducerOnceAndRefuseItemsAfterwards() {
        MockProducer<String, NewsItem> producer = mockProducer();
        NewsPublisher publisher = new NewsPublisher(producer, Duration.ofSeconds(1), failure -> { });

        publisher.close();
        publisher.close();

        assertThat(producer.closed()).isTrue();
        assertThatThrownBy(() -> publisher.publish(aNewsItem().build()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the news publisher is closed");
    }

    @Test
    void shouldReportAnItemARealProducerCannotDeliverWithoutABroker() {
        List<PublishFailure> reported = new ArrayList<>();
        Map<String, Object> config = Map.of(
                "bootstrap.servers", "127.0.0.1:1",
                "max.block.ms", 200,
                "reconnect.backoff.max.ms", 50);

        try (NewsPublisher publisher = new NewsPublisher(config, ID_ONLY, Duration.ofSeconds(1), reported::add)) {
            publisher.publish(aNewsItem().setId("nowhere").build());
        }

        assertThat(reported).singleElement().satisfies(failure -> {
            assertThat(failure.itemId()).isEqualTo("nowhere");
            assertThat(failure.error()).isInstanceOf(TimeoutException.class);
        });
    }

    private static MockProducer<String, NewsItem> mockProducer() {
        return new MockProducer<>(false, null, new StringSerializer(), ID_ONLY);
    }
}
