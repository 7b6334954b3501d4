package org.policyradar.app.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.policyradar.avro.NewsItem;
import org.policyradar.producer.IngestOptions;
import org.policyradar.producer.IngestSummary;
import org.policyradar.producer.NewsIngestor;
import org.policyradar.producer.NewsPublisher;
import org.policyradar.registry.serde.SpecificAvroSerde;

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
     * Publishes every input (file paths or {@code -}); with no input, the bundled seed news.
     *
     * @param clientConfig Kafka client and serde settings (bootstrap.servers, schema.registry.url, pass-through)
     * @return the ingest counts; publishing failures are thrown, never swallowed
     */
    public static Result publish(List<String> inputs, IngestOptions options, Map<String, Object> clientConfig)
            throws IOException {
        SpecificAvroSerde<NewsItem> serde = new SpecificAvroSerde<>();
        serde.configure(clientConfig, false);
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

    /** What a publishing run did. */
    public record Result(IngestSummary summary, long failedToPublish) {

        /** Whether every good line reached Kafka and, in strict mode, there was no bad line. */
        public boolean successful() {
            return failedToPublish == 0 && summary.successful();
        }

        @Override
        public String toString() {
            return summary + (failedToPublish == 0 ? "" : ", failed to publish " + failedToPublish);
        }
    }
}
