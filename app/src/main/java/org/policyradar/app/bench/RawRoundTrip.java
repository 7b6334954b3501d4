package org.policyradar.app.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.policyradar.avro.NewsItem;
import org.policyradar.producer.NewsPublisher;
import org.policyradar.topics.Topics;

/**
 * The raw path: the synthetic news items, serialized as the pipeline serializes them, produced to a scratch topic
 * ({@link #TOPIC}) with the news producer's settings ({@link NewsPublisher#producerConfig}) and consumed back
 * ({@code read_committed}). One produce and one consume per item: what Kafka alone costs.
 */
final class RawRoundTrip implements AutoCloseable {

    /** The scratch topic of the raw round trip; not a pipeline topic, it lives only on the benchmark's stack. */
    static final String TOPIC = "policy-radar-bench-raw";
    private static final String PATH = "raw round trip";

    private final BenchPhases phases;
    private final Serializer<NewsItem> serializer;
    private final CurrentPhase phase = new CurrentPhase();
    private final AtomicLong failed = new AtomicLong();
    private final KafkaProducer<String, byte[]> producer;
    private final TopicWatcher watcher;
    private long bytes;

    /** Creates the topic, the producer and the consumer on the stack that {@code config} names. */
    RawRoundTrip(Map<String, Object> config, BenchPhases phases) throws InterruptedException {
        this.phases = phases;
        phases.createTopic(config, TOPIC);
        this.serializer = BenchPhases.newsItemSerializer(config);
        this.producer = new KafkaProducer<>(NewsPublisher.producerConfig(config), new StringSerializer(),
                new ByteArraySerializer());
        try {
            this.watcher = new TopicWatcher(config, List.of(TOPIC), (topic, key, nanos) -> phase.get().record(key,
                    nanos));
        } catch (RuntimeException e) {
            producer.close();
            throw e;
        }
    }

    void warmUp(int count) throws InterruptedException {
        warmUp(count, 0);
    }

    /** Round {@code round} of the warm-up (see {@link BenchPhases#warmUp}). */
    void warmUp(int count, int round) throws InterruptedException {
        phases.warmUp(PATH, count, round, phase, watcher, null, this::send);
        bytes = 0;
        checkSent();
    }

    Throughput timed() throws InterruptedException {
        bytes = 0;
        Throughput throughput = phases.timed(PATH, phase, watcher, null, count -> new Arrivals(BenchPhases.TIMED,
                count), this::send);
        checkSent();
        return throughput;
    }

    /** Mean serialized size of the records sent since the last phase started. */
    double meanRecordBytes() {
        return (double) bytes / phases.options().items();
    }

    private void send(NewsItem item) {
        // the pipeline's publisher serializes inside send(); here it is done just before, at the same cost
        byte[] value = serializer.serialize(Topics.NEWS_ITEMS, item);
        bytes += value.length;
        producer.send(new ProducerRecord<>(TOPIC, item.getId(), value), (metadata, error) -> {
            if (error != null) {
                failed.incrementAndGet();
            }
        });
    }

    private void checkSent() {
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " raw records could not be produced");
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            watcher.close();
        } finally {
            producer.close();
        }
    }
}
