package org.policyradar.app.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.policyradar.app.pipeline.Directories;
import org.policyradar.app.pipeline.IdleDetector;
import org.policyradar.app.pipeline.NewsIngestion;
import org.policyradar.app.pipeline.StreamsPipeline;
import org.policyradar.avro.NewsItem;
import org.policyradar.producer.IngestOptions;
import org.policyradar.producer.NewsPublisher;
import org.policyradar.registry.serde.SpecificAvroSerde;
import org.policyradar.stack.LocalStack;
import org.policyradar.streams.enrich.RuleSet;
import org.policyradar.streams.topology.DetectionSettings;
import org.policyradar.streams.topology.StreamsRunner;

/**
 * The whole pipeline with its HTTP server on the embedded stack, fed with the bundled seed news at a fixed event
 * time, started once and shared by the test classes that declare it as a parameter (it is a JUnit extension:
 * {@code @ExtendWith(SeededPipeline.Extension.class)}), and closed when the test run ends.
 */
final class SeededPipeline implements AutoCloseable {

    /** The event time of every seed item. */
    static final Instant SEED_TIME = Instant.parse("2025-02-03T09:00:00Z");
    private static final String APPLICATION_ID = "http-it";

    private final Path dir;
    private final Map<String, Object> config = new HashMap<>();
    private LocalStack stack;
    private PolicyRadarHttpServer server;
    private StreamsRunner runner;

    private SeededPipeline() throws Exception {
        dir = Files.createTempDirectory("policy-radar-http-it-");
        try {
            stack = LocalStack.start(dir.resolve("stack"), 0, 0);
            config.put("bootstrap.servers", stack.bootstrapServers());
            config.put("schema.registry.url", stack.registryUrl());
            server = PolicyRadarHttpServer.start("localhost", 0, config);
            runner = StreamsPipeline.start(server.streamsConfig(config), APPLICATION_ID, dir.resolve("state"),
                    DetectionSettings.DEFAULTS, RuleSet.loadDefault());
            server.attach(runner.streams());
            IngestOptions atSeedTime = IngestOptions.builder().clock(Clock.fixed(SEED_TIME, ZoneOffset.UTC)).build();
            NewsIngestion.Result published = NewsIngestion.publish(List.of(), atSeedTime, config);
            if (!published.successful()) {
                throw new IllegalStateException("Publishing the seed failed: " + published);
            }
            awaitIdle();
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    URI base() {
        return server.url();
    }

    ApiClient api() {
        return new ApiClient(base());
    }

    Map<String, Object> config() {
        return config;
    }

    String bootstrapServers() {
        return stack.bootstrapServers();
    }

    /** Publishes news items of the tests' own, as the producer would. */
    void publish(NewsItem... items) {
        SpecificAvroSerde<NewsItem> serde = new SpecificAvroSerde<>();
        serde.configure(config, false);
        try (NewsPublisher publisher = new NewsPublisher(config, serde.serializer())) {
            for (NewsItem item : items) {
                publisher.publish(item);
            }
            if (!publisher.flushAndConfirm()) {
                throw new IllegalStateException("Publishing test items failed: " + publisher.failures());
            }
        }
    }

    /** Waits until the pipeline has processed everything published so far. */
    void awaitIdle() throws InterruptedException {
        try (Admin admin = Admin.create(config)) {
            if (!new IdleDetector(admin, APPLICATION_ID, Duration.ofSeconds(2)).awaitIdle(Duration.ofMinutes(2))) {
                throw new IllegalStateException("The pipeline did not catch up in time");
            }
        }
        if (runner.failed()) {
            throw new IllegalStateException("The Streams application failed");
        }
    }


    @Override
    public void close() {
        try {
            if (runner != null) {
                runner.close();
            }
        } finally {
            try {
                if (server != null) {
                    server.close();
                }
            } finally {
                if (stack != null) {
                    stack.close();
                }
                Directories.deleteRecursively(dir);
            }
        }
    }

    /** Gives test classes the one shared pipeline, started on first use. */
    static final class Extension implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == SeededPipeline.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(SeededPipeline.class, key -> start(), SeededPipeline.class);
        }

        private static SeededPipeline start() {
            try {
                return new SeededPipeline();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot start the pipeline for the HTTP tests: " + e.getMessage(), e);
            }
        }
    }
}
