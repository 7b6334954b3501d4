package org.policyradar.producer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.policyradar.avro.NewsItem;
import org.policyradar.clients.ClientSettings;
import org.policyradar.topics.Topic;
import org.policyradar.topics.TopicCatalogue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes news items to {@link TopicCatalogue#NEWS_ITEMS}, keyed by item id, with an idempotent producer
 * ({@code enable.idempotence=true}, {@code acks=all}) so that retries never duplicate or reorder items on the topic
 * that replays rely on. Usable directly as the sink of {@link NewsIngestor}.
 *
 * <p>Sending is asynchronous. Every item Kafka does not accept, whether the send fails at once (e.g. the serializer
 * cannot reach the schema registry) or later (e.g. the delivery timeout expires), is a {@link PublishFailure}: it is
 * passed to the failure reporter (default: logged at ERROR) and counted, and the first
 * {@value #MAX_KEPT_FAILURES} are kept for {@link #failures()}. Callers decide the outcome of a run from
 * {@link #failedCount()} after {@link #flush()} or {@link #close()}. The reporter may be called on the producer's
 * network thread.
 */
public final class NewsPublisher implements AutoCloseable, Consumer<NewsItem> {

    /** How long {@link #close()} waits for items in flight by default. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);
    /** Failures kept for {@link #failures()}; all are counted and reported. */
    public static final int MAX_KEPT_FAILURES = 1000;
    /** Compression used unless the client config names another. */
    public static final String DEFAULT_COMPRESSION = "zstd";
    /** Batching delay used unless the client config names another: a few ms fill batches at little latency. */
    public static final String DEFAULT_LINGER_MS = "5";

    private static final Logger LOG = LoggerFactory.getLogger(NewsPublisher.class);
    private static final Topic<String, NewsItem> TOPIC = TopicCatalogue.NEWS_ITEMS;

    private final Producer<String, NewsItem> producer;
    private final Duration closeTimeout;
    private final Consumer<PublishFailure> failureReporter;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong failedAtLastConfirm = new AtomicLong();
    private final List<PublishFailure> keptFailures = new ArrayList<>();
    private boolean closed;

    /**
     * A publisher with a Kafka producer built from {@link #producerConfig(Map)}, failures logged, and
     * {@link #DEFAULT_CLOSE_TIMEOUT}.
     *
     * @param clientConfig    {@code bootstrap.servers} and any other producer or client settings, passed through
     * @param valueSerializer serializes the values; used as given, so it must be configured already (Kafka does
     *                        not call {@code configure} on serializer instances)
     */
    public NewsPublisher(Map<String, Object> clientConfig, Serializer<NewsItem> valueSerializer) {
        this(clientConfig, valueSerializer, DEFAULT_CLOSE_TIMEOUT, NewsPublisher::logFailure);
    }

    /** As {@link #NewsPublisher(Map, Serializer)}, with a close timeout and a reporter of failures. */
    public NewsPublisher(Map<String, Object> clientConfig, Serializer<NewsItem> valueSerializer,
                         Duration closeTimeout, Consumer<PublishFailure> failureReporter) {
        this(new KafkaProducer<>(producerConfig(clientConfig), new StringSerializer(),
                        Objects.requireNonNull(valueSerializer, "valueSerializer")),
                closeTimeout, failureReporter);
    }

    /**
     * A publisher over a producer made elsewhere (e.g. Kafka's {@code MockProducer} in tests). The producer is
     * closed by {@link #close()}.
     */
    public NewsPublisher(Producer<String, NewsItem> producer, Duration closeTimeout,
                         Consumer<PublishFailure> failureReporter) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.closeTimeout = Objects.requireNonNull(closeTimeout, "closeTimeout");
        this.failureReporter = Objects.requireNonNull(failureReporter, "failureReporter");
    }

    /**
     * The producer settings this class uses: the client config as given, with {@code enable.idempotence=true} and
     * {@code acks=all} enforced, {@code compression.type} {@value #DEFAULT_COMPRESSION} and {@code linger.ms}
     * {@value #DEFAULT_LINGER_MS} unless given, and no serializer class names (serializers are passed as
     * instances).
     *
     * @throws IllegalArgumentException when {@code bootstrap.servers} is missing, or the config asks for
     *                                  non-idempotent delivery or fewer acknowledgements
     */
    public static Map<String, Object> producerConfig(Map<String, Object> clientConfig) {
        Objects.requireNonNull(clientConfig, "clientConfig");
        Object bootstrap = clientConfig.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        if (bootstrap == null || bootstrap.toString().isBlank()) {
            throw new IllegalArgumentException("the producer's client config must give "
                    + CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        }
        refuseWeaker(clientConfig, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true", "true");
        refuseWeaker(clientConfig, ProducerConfig.ACKS_CONFIG, "all", "all", "-1");
        Map<String, Object> config = ClientSettings.idempotentProducer(clientConfig);
        config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, DEFAULT_COMPRESSION);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, DEFAULT_LINGER_MS);
        return Map.copyOf(config);
    }

    // news.items.v1 is the replay source of truth: a setting that could lose or duplicate items is refused
    private static void refuseWeaker(Map<String, Object> config, String key, String value, String... accepted) {
        Object given = config.get(key);
        if (given != null && List.of(accepted).stream().noneMatch(a -> a.equalsIgnoreCase(given.toString().strip()))) {
            throw new IllegalArgumentException(key + "=" + given + " is not allowed: news items are published with "
                    + key + "=" + value);
        }
    }

    /**
     * Sends one item, keyed by its id. Returns once the item is queued; a failure, now or later, is reported and
     * counted (see the class comment), never thrown, except that an interrupt is passed on.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public void publish(NewsItem item) {
        Objects.requireNonNull(item, "item");
        if (closed) {
            throw new IllegalStateException("the news publisher is closed");
        }
        String id = item.getId();
        sent.incrementAndGet();
        DeliveryCallback callback = new DeliveryCallback(id);
        try {
            producer.send(new ProducerRecord<>(TOPIC.name(), id, item), callback);
        } catch (InterruptException e) {
            callback.onCompletion(null, e);
            throw e;
        } catch (KafkaException e) {
            // raised before the record was queued (serialization, metadata, buffer full): the callback may not run
            callback.onCompletion(null, e);
        }
    }

    /** Same as {@link #publish(NewsItem)}, so that a publisher can be the sink of {@link NewsIngestor}. */
    @Override
    public void accept(NewsItem item) {
        publish(item);
    }

    /** Waits until every item sent so far is acknowledged or failed. */
    public void flush() {
        producer.flush();
    }

    /**
     * Flushes, then says whether every item sent since the previous call (or since the start) was acknowledged:
     * false when any of them failed. Made for {@link FeedPoller.Builder#deliveryCheck}, so that feed entries count
     * as handled only once they are on the topic.
     */
    public boolean flushAndConfirm() {
        flush();
        long failedNow = failed.get();
        return failedAtLastConfirm.getAndSet(failedNow) == failedNow;
    }

    /** Items handed to {@link #publish}. */
    public long sentCount() {
        return sent.get();
    }

    /** Items the cluster acknowledged. */
    public long acknowledgedCount() {
        return acknowledged.get();
    }

    /** Items that failed. */
    public long failedCount() {
        return failed.get();
    }

    public boolean hasFailures() {
        return failed.get() > 0;
    }

    /** The first {@value #MAX_KEPT_FAILURES} failures, in the order they happened. */
    public List<PublishFailure> failures() {
        synchronized (keptFailures) {
            return List.copyOf(keptFailures);
        }
    }

    /**
     * Flushes and closes the producer, waiting at most the close timeout; items still in flight then fail and are
     * reported like any other failure. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        producer.close(closeTimeout);
        if (failed.get() > 0) {
            LOG.warn("{} of {} news items were not published to {}", failed.get(), sent.get(), TOPIC.name());
        }
    }

    private void recordFailure(String id, Exception error) {
        PublishFailure failure = new PublishFailure(id, error);
        failed.incrementAndGet();
        synchronized (keptFailures) {
            if (keptFailures.size() < MAX_KEPT_FAILURES) {
                keptFailures.add(failure);
            }
        }
        failureReporter.accept(failure);
    }

    private static void logFailure(PublishFailure failure) {
        LOG.error("{} to {}", failure, TOPIC.name());
    }

    /** Counts the outcome of one send, exactly once even if Kafka both fails the send and calls back. */
    private final class DeliveryCallback implements Callback {
        private final String id;
        private final AtomicBoolean done = new AtomicBoolean();

        DeliveryCallback(String id) {
            this.id = id;
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception exception) {
            if (!done.compareAndSet(false, true)) {
                return;
            }
            if (exception == null) {
                acknowledged.incrementAndGet();
            } else {
                recordFailure(id, exception);
            }
        }
    }
}
