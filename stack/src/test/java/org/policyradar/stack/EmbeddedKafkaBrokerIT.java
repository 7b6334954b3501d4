package org.policyradar.stack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.topics.Topics;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class EmbeddedKafkaBrokerIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    @Test
    void shouldCreateTopicsKeepRecordsAndClusterIdAcrossARestart() throws Exception {
        List<String> written = List.of("item-1", "item-2", "item-3");
        String clusterId;

        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0)) {
            clusterId = broker.clusterId();
            assertThat(broker.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+").doesNotEndWith(":0");

            List<String> created = TopicInitializer.createPipelineTopics(adminConfig(broker), TopicInitializer.LOCAL_PARTITIONS);
            assertThat(created).containsExactlyElementsOf(Topics.names());
            assertTopicSettings(broker);

            produce(broker, Topics.NEWS_ITEMS, written);
            assertThat(consumeValues(broker, Topics.NEWS_ITEMS, written.size())).containsExactlyElementsOf(written);
        }

        try (EmbeddedKafkaBroker restarted = EmbeddedKafkaBroker.start(dataDir, 0)) {
            assertThat(restarted.clusterId()).isEqualTo(clusterId);
            assertThat(TopicInitializer.createPipelineTopics(adminConfig(restarted), TopicInitializer.LOCAL_PARTITIONS))
                    .as("topics that exist are left alone")
                    .isEmpty();
            assertThat(consumeValues(restarted, Topics.NEWS_ITEMS, written.size())).containsExactlyElementsOf(written);
        }
    }

    @Test
    void shouldRefuseAPortThatIsInUse() {
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(dataDir.resolve("first"), 0)) {
            assertThatThrownBy(
                            () -> EmbeddedKafkaBroker.start(dataDir.resolve("second"), first.port()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("port " + first.port())
                    .hasMessageContaining("already in use");
        }
    }

    @Test
    void shouldRefuseADataDirectoryThatAnotherBrokerUses() {
        try (EmbeddedKafkaBroker first = EmbeddedKafkaBroker.start(dataDir, 0)) {
            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dataDir, 0))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(first.logDir().toString())
                    .hasMessageContaining("in use by another running broker");
        }
    }

    private static void assertTopicSettings(EmbeddedKafkaBroker broker) throws Exception {
        try (Admin admin = Admin.create(adminConfig(broker))) {
            ConfigResource items = new ConfigResource(ConfigResource.Type.TOPIC, Topics.NEWS_ITEMS);
            ConfigResource conflicts = new ConfigResource(ConfigResource.Type.TOPIC, Topics.POLICY_CONFLICTS);
            Map<ConfigResource, Config> configs = admin.describeConfigs(List.of(items, conflicts)).all().get();
            assertThat(configs.get(items).get("retention.ms").value()).isEqualTo("-1");
            assertThat(configs.get(items).get("cleanup.policy").value()).isEqualTo("delete");
            assertThat(configs.get(conflicts).get("cleanup.policy").value()).isEqualTo("compact");

            Map<String, TopicDescription> descriptions = admin.describeTopics(Topics.names()).allTopicNames().get();
            assertThat(descriptions.values())
                    .allSatisfy(description -> assertThat(description.partitions()).hasSize(TopicInitializer.LOCAL_PARTITIONS));
            assertThat(admin.describeCluster().nodes().get()).hasSize(1);
        }
    }

    private static void produce(EmbeddedKafkaBroker broker, String topic, List<String> values) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, value, value)).get();
            }
        }
    }

    private static List<String> consumeValues(EmbeddedKafkaBroker broker, String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "embedded-broker-it-" + System.nanoTime(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of(topic));
            await().atMost(WAIT).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return values.size() >= expected;
            });
        }
        return values;
    }

    private static Map<String, Object> adminConfig(EmbeddedKafkaBroker broker) {
        return Map.of("bootstrap.servers", broker.bootstrapServers());
    }
}
