package org.policyradar.app.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.policyradar.avro.EventTimeSource;
import org.policyradar.avro.NewsItem;
import org.policyradar.registry.serde.SpecificAvroSerde;
import org.policyradar.topics.Topics;

/**
 * The evaluation corpus (102 items written for the project, with stories told by several outlets), as news items
 * published half an hour apart from a fixed start, and a way to publish them.
 */
public final class EvalCorpus {

    public static final Instant START = Instant.parse("2026-01-25T00:00:00Z");

    private EvalCorpus() {
    }

    static List<NewsItem> items() {
        return items(START);
    }

    /** The items published half an hour apart from {@code start}. */
    public static List<NewsItem> items(Instant start) {
        try (InputStream in = EvalCorpus.class.getResourceAsStream("/corpus/eval-news.txt")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            List<NewsItem> items = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                Instant published = start.plus(Duration.ofMinutes(30L * i));
                items.add(NewsItem.newBuilder().setId(String.format("e%03d", i + 1)).setSource("eval-corpus")
                        .setText(lines.get(i)).setPublishedAt(published)
                        .setEventTimeSource(EventTimeSource.PUBLISHED).setIngestedAt(published).build());
            }
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Publishes the items, in the given order, to news.items.v1 through the registry serdes. */
    public static void publish(Map<String, Object> config, List<NewsItem> items) {
        SpecificAvroSerde<NewsItem> serde = new SpecificAvroSerde<>();
        serde.configure(config, false);
        Map<String, Object> producerConfig = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.get("bootstrap.servers"),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, NewsItem> producer =
                     new KafkaProducer<>(producerConfig, new StringSerializer(), serde.serializer())) {
            for (NewsItem item : items) {
                producer.send(new ProducerRecord<>(Topics.NEWS_ITEMS, item.getId(), item));
            }
            producer.flush();
        }
    }
}
