package org.policyradar.app.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.policyradar.app.pipeline.Directories;
import org.policyradar.app.pipeline.StreamsPipeline;
import org.policyradar.avro.PolicyConflict;
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
 * What a clean run of the pipeline over the evaluation corpus produces, on a fresh embedded stack with nothing
 * going wrong: the expectation every fault test compares with. Computed once per test JVM and shared.
 */
final class ReferenceRun {

    private static final Logger LOG = LoggerFactory.getLogger(ReferenceRun.class);
    private static final String APPLICATION_ID = "reliability-reference";

    private static Reference cached;

    private ReferenceRun() {
    }

    /** The outputs of a clean run over {@link ReliabilityCorpus#items()}. */
    record Reference(Map<String, PolicyConflict> conflicts, Set<String> itemIds, Set<String> enrichedItemIds,
                     int deadLetters) {

        /** Everything the verifier can check: conflict values, items and enriched items once each, dead letters. */
        ExactlyOnceVerifier.Expected expected() {
            return ExactlyOnceVerifier.Expected.conflicts(conflicts).withItemIds(itemIds)
                    .withEnrichedItemIds(enrichedItemIds).withDeadLetters(deadLetters);
        }
    }

    static synchronized Reference evalCorpus() throws InterruptedException {
        if (cached == null) {
            cached = run();
        }
        return cached;
    }

    private static Reference run() throws InterruptedException {
        long started = System.nanoTime();
        Path dir;
        try {
            dir = Files.createTempDirectory("policy-radar-reference-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (LocalStack stack = LocalStack.start(dir.resolve("stack"), 0, 0)) {
            Map<String, Object> config = PipelineWaits.clientConfig(stack.bootstrapServers(), stack.registryUrl());
            try (StreamsRunner runner = StreamsPipeline.start(config, APPLICATION_ID, dir.resolve("state"),
                    DetectionSettings.DEFAULTS, RuleSet.loadDefault())) {
                ReliabilityCorpus.publish(config, ReliabilityCorpus.items());
                PipelineWaits.awaitIdle(config, APPLICATION_ID, () -> !runner.failed(),
                        () -> "state " + runner.state());
            }
            SpecificAvroSerde<PolicyConflict> serde = new SpecificAvroSerde<>();
            serde.configure(config, false);
            Map<String, PolicyConflict> conflicts = TopicRecords.latestByKey(stack.bootstrapServers(),
                    Topics.POLICY_CONFLICTS, new StringDeserializer(), serde.deserializer());
            Set<String> enriched = new TreeSet<>();
            TopicRecords.readAll(stack.bootstrapServers(), Topics.NEWS_ENRICHED, new StringDeserializer(),
                    new ByteArrayDeserializer()).stream().map(ConsumerRecord::key).forEach(enriched::add);
            int deadLetters = TopicRecords.readAll(stack.bootstrapServers(), Topics.NEWS_DLQ,
                    new ByteArrayDeserializer(), new ByteArrayDeserializer()).size();
            Reference reference = new Reference(Map.copyOf(conflicts), ReliabilityCorpus.ids(), Set.copyOf(enriched),
                    deadLetters);
            // the clean run must pass its own checks, or the verifier's notion of "duplicated" is wrong
            ExactlyOnceVerifier.Report self = new ExactlyOnceVerifier(config).verify(reference.expected());
            if (!self.clean()) {
                throw new IllegalStateException("the clean reference run fails its own checks:\n" + self);
            }
            LOG.info("Reference run: {} conflicts, {} enriched items, {} dead letters in {} ms", conflicts.size(),
                    enriched.size(), deadLetters, (System.nanoTime() - started) / 1_000_000);
            return reference;
        } finally {
            Directories.deleteRecursively(dir);
        }
    }
}
