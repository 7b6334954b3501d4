package org.policyradar.streams.topology;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.policyradar.avro.ConflictAlert;
import org.policyradar.avro.NewsItem;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.streams.enrich.RuleSet;
import org.policyradar.topics.Topics;

/**
 * One run of the production topology on TopologyTestDriver over a list of items, in the order given, keeping
 * every record of every output and internal topic so that tests can check values, counts and sizes.
 */
final class TopologyRun implements AutoCloseable {

    static final String APPLICATION_ID = "topology-run";

    final TopologyTestDriver driver;
    final PipelineSerdes serdes;
    private final TestInputTopic<String, NewsItem> items;
    private final TestOutputTopic<String, PolicyConflict> conflicts;
    private final TestOutputTopic<String, ConflictAlert> alerts;

    TopologyRun(String registryUrl, RuleSet rules, DetectionSettings settings, Path stateDir, Instant start) {
        Properties props = StreamsSettings.of(APPLICATION_ID, "unused:9092", stateDir, Map.of());
        serdes = PipelineSerdes.fromRegistry(Map.of("schema.registry.url", registryUrl));
        driver = new TopologyTestDriver(PolicyRadarTopology.build(props, rules, serdes, settings), props, start);
        items = driver.createInputTopic(Topics.NEWS_ITEMS, serdes.key().serializer(), serdes.newsItem().serializer());
        conflicts = driver.createOutputTopic(Topics.POLICY_CONFLICTS, serdes.key().deserializer(),
                serdes.policyConflict().deserializer());
        alerts = driver.createOutputTopic(Topics.POLICY_ALERTS, serdes.key().deserializer(),
                serdes.conflictAlert().deserializer());
    }

    /** Publishes every item, stamped as a producer would (never before its event time). */
    void publish(List<NewsItem> news) {
        for (NewsItem item : news) {
            items.pipeInput(item.getId(), item, item.getIngestedAt());
        }
    }

    List<TestRecord<String, PolicyConflict>> conflictRecords() {
        return conflicts.readRecordsToList();
    }

    List<ConflictAlert> alerts() {
        return alerts.readValuesToList();
    }

    /** Every record written to {@code topic} so far, as raw bytes (values in the registry wire format). */
    List<TestRecord<byte[], byte[]>> raw(String topic) {
        return driver.createOutputTopic(topic, org.apache.kafka.common.serialization.Serdes.ByteArray().deserializer(),
                org.apache.kafka.common.serialization.Serdes.ByteArray().deserializer()).readRecordsToList();
    }

    @Override
    public void close() {
        driver.close();
    }
}
