package org.policyradar.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.app.pipeline.StreamsPipeline;
import org.policyradar.avro.NewsItem;
import org.policyradar.producer.NewsPublisher;
import org.policyradar.producer.PublishFailure;
import org.policyradar.registry.serde.SpecificAvroSerde;
import org.policyradar.stack.LocalStack;
import org.policyradar.streams.enrich.RuleSet;
import org.policyradar.streams.topology.DetectionSettings;
import org.policyradar.streams.topology.StreamsRunner;
import org.policyradar.testkit.TopicRecords;
import org.policyradar.topics.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker (with the registry) is restarted on the same data directory and the same ports while a producer is
 * publishing and the Streams application is processing. Neither is restarted by the test: both ride out the
 * outage on their own retries, and afterwards every item is on news.items.v1 once, enriched once, and the
 * conflicts and alerts are exactly those of a clean run.
 */
class BrokerRestartIT {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerRestartIT.class);
    private static final String APPLICATION_ID = "broker-restart-it";
    /** Spreads the second half of the corpus over five seconds, so that the producer publishes during the outage. */
    private static final Duration PACE = Duration.ofMillis(100);

    @TempDir
    Path dir;

    private LocalStack stack;

    @AfterEach
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldLoseAndDoubleNothingWhenTheBrokerRestartsWhileProducingAndProcessing() throws Exception {
        ReferenceRun.Reference reference = ReferenceRun.evalCorpus();
        int kafkaPort = PipelineWaits.freePort();
        int registryPort = PipelineWaits.freePort();
        stack = LocalStack.start(dir.resolve("stack"), kafkaPort, registryPort);
        Map<String, Object> config = PipelineWaits.clientConfig(stack.bootstrapServers(), stack.registryUrl());

        List<PublishFailure> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger handedOver = new AtomicInteger();
        try (StreamsRunner runner = StreamsPipeline.start(config, APPLICATION_ID, dir.resolve("state"),
                DetectionSettings.DEFAULTS, RuleSet.loadDefault())) {
            assertThat(runner.awaitRunning(Duration.ofMinutes(1))).as("Streams running").isTrue();
            SpecificAvroSerde<NewsItem> serde = new SpecificAvroSerde<>();
            serde.configure(config, false);
            CountDownLatch outageBegins = new CountDownLatch(1);
            try (NewsPublisher publisher = new NewsPublisher(config, serde.serializer(),
                    NewsPublisher.DEFAULT_CLOSE_TIMEOUT, failures::add)) {
                Thread producing = new Thread(() -> {
                    try {
                        publishAll(publisher, ReliabilityCorpus.firstHalf(), handedOver, Duration.ZERO);
                        outageBegins.await();
                        publishAll(publisher, ReliabilityCorpus.secondHalf(), handedOver, PACE);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, "broker-restart-it-producer");
                producing.setDaemon(true);
                producing.start();
                try {
                    // once an alert is out, every schema of the topology is registered and the pipeline is in flow
                    await("a first committed alert").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                            .until(() -> !TopicRecords.readAll(config, Topics.POLICY_ALERTS, new StringDeserializer(),
                                    new ByteArrayDeserializer()).isEmpty());
                } finally {
                    outageBegins.countDown();
                }
                int beforeRestart = handedOver.get();
                long restartStarted = System.nanoTime();
                stack.close();
                stack = LocalStack.start(dir.resolve("stack"), kafkaPort, registryPort);
                int afterRestart = handedOver.get();
                LOG.info("Restarted the broker and registry on ports {} and {} in {} ms; the producer was handed {} "
                                + "items before the restart and {} during it, of {}", kafkaPort, registryPort,
                        (System.nanoTime() - restartStarted) / 1_000_000, beforeRestart, afterRestart - beforeRestart,
                        ReliabilityCorpus.items().size());
                assertThat(afterRestart).as("items handed to the producer during the restart")
                        .isGreaterThan(beforeRestart);

                producing.join(Duration.ofMinutes(2).toMillis());
                assertThat(producing.isAlive()).as("producer thread finished").isFalse();
                publisher.flush();
                assertThat(failures).as("items the producer failed to publish").isEmpty();
                assertThat(publisher.acknowledgedCount()).isEqualTo(ReliabilityCorpus.items().size());
            }

            PipelineWaits.awaitIdle(config, APPLICATION_ID,
                    () -> !runner.failed() && runner.state() != KafkaStreams.State.NOT_RUNNING,
                    () -> "Streams state " + runner.state() + (runner.failed() ? " (failed)" : ""));
            assertThat(runner.failed()).as("the Streams application failed on the broker outage").isFalse();
            assertThat(runner.state()).isEqualTo(KafkaStreams.State.RUNNING);

            ExactlyOnceVerifier.Report report = new ExactlyOnceVerifier(config).verify(reference.expected());
            LOG.info("After the broker restart: {}", report);
            assertThat(report.problems()).as(report.toString()).isEmpty();
        }
    }

    /** Hands the items to the publisher one by one, {@code pace} apart. */
    private static void publishAll(NewsPublisher publisher, List<NewsItem> items, AtomicInteger handedOver,
                                   Duration pace) throws InterruptedException {
        for (NewsItem item : items) {
            publisher.publish(item);
            handedOver.incrementAndGet();
            Thread.sleep(pace.toMillis());
        }
    }
}
