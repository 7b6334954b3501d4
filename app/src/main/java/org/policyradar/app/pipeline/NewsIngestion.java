package org.policyradar.app.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.policyradar.avro.NewsItem;
import org.policyradar.producer.IngestOptions;
import org.policyradar.producer.IngestSummary;
import org.policyradar.producer.NewsIngestor;
import org.policyradar.producer.NewsPublisher;
import org.policyradar.registry.serde.RegistryAvroSerdes;
import org.policyradar.topics.TopicCatalogue;

/**
 * Reads news inputs and publishes them to news.items.v1 through the registry serdes: the producer half of the
 * pipeline, shared by {@code produce} and {@code run}.
 */
public final class NewsIngestion {

    /** The seed news bundled with the application (one item a line). */
    public static final String SEED_RESOURCE = "/seed/seed-news.txt";

    private NewsIngestion() {
    }

    /**
     * Publishes every input (file paths, URLs or {@code -}); with no input, the bundled seed news. An input that
     * cannot be read is reported as {@code INPUT: reason} (to the options' reporter) and the others are read.
     *
     * @param clientConfig Kafka client and serde settings (bootstrap.servers, schema.registry.url, pass-through)
     * @return the ingest counts; publishing failures are thrown, never swallowed
     */
    public static Result publish(List<String> inputs, IngestOptions options, Map<String, Object> clientConfig)
            throws IOException {
        Serde<NewsItem> serde = TopicCatalogue.NEWS_ITEMS.serdes(RegistryAvroSerdes.of(clientConfig)).value();
        NewsIngestor ingestor = new NewsIngestor(options);
        IngestSummary summary;
        long failed;
        try (NewsPublisher publisher = new NewsPublisher(clientConfig, serde.serializer())) {
            if (inputs.isEmpty()) {
                try (InputStream seed = NewsIngestion.class.getResourceAsStream(SEED_RESOURCE)) {
                    if (seed == null) {
                        throw new UncheckedIOException(new IOException("bundled seed news missing: " + SEED_RESOURCE));
                    }
                    summary = ingestor.ingest("seed-news.txt", seed, publisher);
                }
            } else {
                summary = ingestor.ingest(inputs, publisher);
            }
            publisher.flush();
            failed = publisher.failedCount();
        }
        return new Result(summary, failed);
    }

    /**
     * What a publishing run did. The ingest summary counts items handed to the publisher; those Kafka did not
     * accept are {@code failedToPublish}, so that {@link #published()} is what reached the topic.
     */
    public record Result(IngestSummary summary, long failedToPublish) {

        /** Whether every input was read, every good line reached Kafka and, in strict mode, no line was bad. */
        public boolean successful() {
            return failedToPublish == 0 && summary.successful();
        }

        /** Items Kafka acknowledged: those handed to the publisher less those it failed to publish. */
        public long published() {
            return summary.published() - failedToPublish;
        }

        /**
         * One line with every count once: {@code read R, published P, skipped S, duplicates D}, then
         * {@code failed to publish F} and {@code failed inputs I} when not zero; every line read is exactly one of
         * published, skipped, duplicate or failed to publish.
         */
        @Override
        public String toString() {
            return "read " + summary.read() + ", published " + published() + ", skipped " + summary.skipped()
                    + ", duplicates " + summary.duplicates()
                    + (failedToPublish == 0 ? "" : ", failed to publish " + failedToPublish)
                    + (summary.failedInputs() == 0 ? "" : ", failed inputs " + summary.failedInputs())
                    + (summary.strict() && summary.skipped() > 0 ? " (strict: failed because of bad lines)" : "");
        }
    }
}
