package org.policyradar.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings that make a restarted instance resume quickly: a group instance id that stays the same across
 * starts on one state directory, the session timeout, and transactional state stores.
 */
class StreamsRecoverySettingsTest {

    @TempDir
    Path stateDir;

    @Test
    void shouldGiveTheSameGroupInstanceIdToEveryStartOnOneStateDirectory() {
        Properties first = StreamsSettings.of("radar", "localhost:9092", stateDir, Map.of());
        Properties second = StreamsSettings.of("radar", "localhost:9092", stateDir, Map.of());

        assertThat(instanceId(first)).isEqualTo(instanceId(second))
                .isEqualTo("radar-" + StreamsSettings.instanceName(stateDir));
    }

    @Test
    void shouldGiveAnotherStateDirectoryAnotherInstanceId(@TempDir Path otherStateDir) {
        Properties first = StreamsSettings.of("radar", "localhost:9092", stateDir, Map.of());
        Properties other = StreamsSettings.of("radar", "localhost:9092", otherStateDir, Map.of());

        assertThat(instanceId(first)).isNotEqualTo(instanceId(other));
    }

    @Test
    void shouldKeepANameGivenByTheOperator() throws Exception {
        StreamsSettings.writeInstanceName(stateDir, "streams-pod-0");

        Properties props = StreamsSettings.of("radar", "localhost:9092", stateDir, Map.of());

        assertThat(instanceId(props)).isEqualTo("radar-streams-pod-0");
        assertThat(Files.readString(stateDir.resolve(StreamsSettings.INSTANCE_NAME_FILE), StandardCharsets.US_ASCII))
                .isEqualTo("streams-pod-0\n");
    }

    @Test
    void shouldRefuseAnInstanceNameThatIsNotASimpleToken() {
        assertThatThrownBy(() -> StreamsSettings.writeInstanceName(stateDir, "pod 0\nforged"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 1 to 64 of A-Z a-z 0-9 . _ -");
    }

    @Test
    void shouldRefuseAnEditedNameFileRatherThanJoinUnderAnotherIdentity() throws Exception {
        Files.writeString(stateDir.resolve(StreamsSettings.INSTANCE_NAME_FILE), "two words", StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> StreamsSettings.of("radar", "localhost:9092", stateDir, Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("invalid instance name");
    }

    @Test
    void shouldSetTheSessionTimeoutAndTransactionalStateStoresUnlessOverridden() {
        Properties defaults = StreamsSettings.of("radar", "localhost:9092", stateDir, Map.of());
        Properties overridden = StreamsSettings.of("radar", "localhost:9092", stateDir, Map.of(
                StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), "radar-fixed",
                StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG, false));

        assertThat(defaults.get(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG)))
                .isEqualTo(30_000);
        assertThat(defaults.get(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG)).isEqualTo(true);
        assertThat(instanceId(overridden)).isEqualTo("radar-fixed");
        assertThat(overridden.get(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG)).isEqualTo(false);
    }

    private static Object instanceId(Properties props) {
        return props.get(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG));
    }
}
