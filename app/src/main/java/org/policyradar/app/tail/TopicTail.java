package org.policyradar.app.tail;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.policyradar.app.tail.TailTopics.ValueEncoding;
import org.policyradar.clients.ClientSettings;
import org.policyradar.registry.serde.AvroSerdeConfig;
import org.policyradar.registry.serde.KafkaAvroDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one of the project's topics from a start position and prints every record, decoded, to a stream.
 *
 * <p>It is a viewer: it assigns itself every partition, joins no consumer group and commits nothing, so it can
 * run next to the pipeline without disturbing it. It reads committed records only ({@code read_committed}).
 * Without {@code follow} it stops at the end offsets it saw when it started (records written later are not
 * printed); with {@code follow} it runs until {@code stopRequested} says so.
 */
public final class TopicTail {

    /**
     * What to read and how to print it.
     *
     * @param max stop after this many records; 0 or less for no limit
     */
    public record Request(String topic, StartPosition from, boolean follow, boolean json, long max) {
    }

    /** The topic is not one of the project's, or does not exist on the cluster. */
    public static final class UnknownTopicException extends RuntimeException {
        public UnknownTopicException(String message) {
            super(message);
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(TopicTail.class);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> clientConfig;

    /** @param clientConfig Kafka client and serde settings: bootstrap.servers, schema.registry.url, security... */
    public TopicTail(Map<String, Object> clientConfig) {
        this.clientConfig = Map.copyOf(clientConfig);
    }

    /**
     * Prints the records of {@code request.topic()} to {@code out}, one block (or one JSON line) per record.
     *
     * @param stopRequested polled between batches; true ends the tail
     * @return the number of records printed
     * @throws UnknownTopicException when the topic is not a project topic or is missing on the cluster
     */
    public long run(Request request, PrintStream out, BooleanSupplier stopRequested) {
        ValueEncoding encoding = TailTopics.encodingOf(request.topic()).orElseThrow(() -> new UnknownTopicException(
                "Unknown topic '" + request.topic() + "'; tail reads " + TailTopics.describeKnown()));
        KafkaAvroDeserializer avro = new KafkaAvroDeserializer();
        if (encoding == ValueEncoding.AVRO) {
            Map<String, Object> serdeConfig = new HashMap<>(clientConfig);
            serdeConfig.put(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, false);
            avro.configure(serdeConfig, false);
        }
        RecordDecoder decoder = new RecordDecoder(encoding, avro);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitionsOf(consumer, request.topic());
            consumer.assign(partitions);
            seek(consumer, partitions, request.from());
            Map<TopicPartition, Long> stopAt = request.follow() ? Map.of() : consumer.endOffsets(partitions);
            LOG.info("Reading {} ({} partition{}) from {}{}", request.topic(), partitions.size(),
                    partitions.size() == 1 ? "" : "s", describe(request.from()),
                    request.follow() ? ", following until stopped" : " to its current end");
            long printed = loop(consumer, decoder, request, stopAt, out, stopRequested);
            LOG.info("{} record{} from {}", printed, printed == 1 ? "" : "s", request.topic());
            return printed;
        } finally {
            avro.close();
        }
    }

    private long loop(KafkaConsumer<byte[], byte[]> consumer, RecordDecoder decoder, Request request,
                      Map<TopicPartition, Long> stopAt, PrintStream out, BooleanSupplier stopRequested) {
        Set<TopicPartition> done = new HashSet<>();
        long printed = 0;
        while (!stopRequested.getAsBoolean() && !limitReached(request, printed)) {
            if (!request.follow() && caughtUp(consumer, stopAt, done)) {
                break;
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (!request.follow() && record.offset() >= stopAt.get(partition)) {
                    continue;   // written after the tail started
                }
                DecodedRecord decoded = decoder.decode(record);
                out.println(request.json() ? RecordFormat.json(decoded) : RecordFormat.text(decoded));
                out.flush();
                printed++;
                if (limitReached(request, printed)) {
                    break;
                }
            }
        }
        return printed;
    }

    private static boolean limitReached(Request request, long printed) {
        return request.max() > 0 && printed >= request.max();
    }

    /** True once every partition's position has reached its end offset; pauses the partitions that have. */
    private static boolean caughtUp(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> stopAt,
                                    Set<TopicPartition> done) {
        for (Map.Entry<TopicPartition, Long> end : stopAt.entrySet()) {
            // with read_committed the end offset is the last stable offset; the position moves past
            // transaction markers as they are fetched, so it does reach it
            if (!done.contains(end.getKey()) && consumer.position(end.getKey()) >= end.getValue()) {
                done.add(end.getKey());
                consumer.pause(List.of(end.getKey()));
            }
        }
        return done.size() == stopAt.size();
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = ClientSettings.groupFreeConsumer(clientConfig);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "policy-radar-tail");
        return config;
    }

    private List<TopicPartition> partitionsOf(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        List<TopicPartition> partitions;
        try {
            partitions = consumer.partitionsFor(topic, METADATA_TIMEOUT).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
        } catch (TimeoutException e) {
            throw new IllegalStateException("Cannot read the metadata of " + topic + " from Kafka at "
                    + ClientSettings.bootstrapServers(clientConfig) + " within "
                    + METADATA_TIMEOUT.toSeconds() + " s: is the cluster up?", e);
        }
        if (partitions.isEmpty()) {
            throw new UnknownTopicException("Topic " + topic + " does not exist on the cluster at "
                    + ClientSettings.bootstrapServers(clientConfig));
        }
        return partitions;
    }

    private static void seek(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
                             StartPosition from) {
        if (from instanceof StartPosition.Earliest) {
            consumer.seekToBeginning(partitions);
        } else if (from instanceof StartPosition.Latest) {
            consumer.seekToEnd(partitions);
        } else if (from instanceof StartPosition.At at) {
            // the log holds no timestamps before the epoch: an earlier instant means the beginning
            long millis = Math.max(0L, at.instant().toEpochMilli());
            Map<TopicPartition, Long> query = new HashMap<>();
            partitions.forEach(partition -> query.put(partition, millis));
            Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
            for (TopicPartition partition : partitions) {
                OffsetAndTimestamp offset = found.get(partition);
                if (offset != null) {
                    consumer.seek(partition, offset.offset());
                } else {
                    consumer.seekToEnd(List.of(partition));    // nothing at or after that time
                }
            }
        }
    }

    private static String describe(StartPosition from) {
        if (from instanceof StartPosition.At at) {
            return at.instant().toString();
        }
        return from instanceof StartPosition.Earliest ? "the beginning" : "the end";
    }
}
