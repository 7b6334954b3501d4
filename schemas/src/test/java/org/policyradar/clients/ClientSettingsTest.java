package org.policyradar.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class ClientSettingsTest {

    private static final Map<String, Object> GIVEN = Map.of(
            "bootstrap.servers", "broker-1:9092",
            "schema.registry.url", "http://registry:8081",
            "security.protocol", "SASL_SSL",
            "group.id", "policy-radar",
            "isolation.level", "read_uncommitted",
            "acks", "1");

    @Test
    void shouldNameTheClusterAndTheRegistryUnderTheClientsOwnKeys() {
        assertThat(ClientSettings.forCluster("broker-1:9092", "http://registry:8081")).containsExactly(
                Map.entry("bootstrap.servers", "broker-1:9092"),
                Map.entry("schema.registry.url", "http://registry:8081"));
        assertThat(ClientSettings.bootstrapServers(GIVEN)).isEqualTo("broker-1:9092");
    }

    @Test
    void shouldMakeConsumersReadCommittedRecordsOnlyAndCommitNothingOnTheirOwn() {
        Map<String, Object> consumer = ClientSettings.readCommittedConsumer(GIVEN);

        assertThat(consumer).containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")
                .containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
                .containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "policy-radar")
                .containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void shouldKeepGroupFreeConsumersOutOfTheGivenGroup() {
        assertThat(ClientSettings.groupFreeConsumer(GIVEN)).doesNotContainKey(ConsumerConfig.GROUP_ID_CONFIG)
                .containsEntry(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    }

    @Test
    void shouldMakeProducersIdempotentAndAcknowledgedByAllReplicas() {
        assertThat(ClientSettings.idempotentProducer(GIVEN))
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void shouldPassEverySettingToTheAdminClientAndNeverChangeTheGivenSettings() {
        assertThat(ClientSettings.admin(GIVEN)).isEqualTo(GIVEN).isNotSameAs(GIVEN);
        assertThat(GIVEN).containsEntry("isolation.level", "read_uncommitted").containsEntry("acks", "1");
    }

    @Test
    void shouldKeepOnlyTheSettingsAClientKnows() {
        assertThat(ClientSettings.knownTo(GIVEN, AdminClientConfig.configNames()))
                .containsOnlyKeys("bootstrap.servers", "security.protocol");
        assertThat(ClientSettings.knownTo(GIVEN, ProducerConfig.configNames()))
                .containsKeys("acks", "bootstrap.servers").doesNotContainKeys("schema.registry.url", "group.id");
    }
}
