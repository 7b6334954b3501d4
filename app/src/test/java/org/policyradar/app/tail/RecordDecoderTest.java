package org.policyradar.app.tail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyradar.app.alerts.TestAlerts.anAlert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.policyradar.app.tail.TailTopics.ValueEncoding;
import org.policyradar.avro.ConflictAlert;
import org.policyradar.registry.client.SchemaRegistryClients;
import org.policyradar.registry.serde.KafkaAvroDeserializer;
import org.policyradar.registry.serde.SpecificAvroSerde;
import org.policyradar.topics.Topics;

/** Decoding and printing records as tail does, with an in-process registry. */
class RecordDecoderTest {

    private static final String SCOPE = "tail-decoder-test";
    private static final Map<String, Object> CONFIG = Map.of("schema.registry.url", "mock://" + SCOPE);
    private static final long T0 = 1_740_830_400_000L;   // 2025-03-01T12:00:00Z
    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterAll
    static void forgetRegistry() {
        SchemaRegistryClients.dropMockScope(SCOPE);
    }

    private static RecordDecoder avroDecoder() {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(CONFIG, false);
        return new RecordDecoder(ValueEncoding.AVRO, deserializer);
    }

    private static ConsumerRecord<byte[], byte[]> record(String topic, String key, byte[] value, RecordHeaders headers) {
        return new ConsumerRecord<>(topic, 0, 12L, T0, TimestampType.CREATE_TIME, -1, -1,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8), value, headers, Optional.empty());
    }

    @Test
    void shouldPrintAnAvroValueAsJsonWithItsCoordinates() throws Exception {
        SpecificAvroSerde<ConflictAlert> serde = new SpecificAvroSerde<>();
        serde.configure(CONFIG, false);
        byte[] value = serde.serializer().serialize(Topics.POLICY_ALERTS, anAlert("c-1").build());

        DecodedRecord decoded = avroDecoder().decode(record(Topics.POLICY_ALERTS, "c-1", value, new RecordHeaders()));
        JsonNode line = JSON.readTree(RecordFormat.json(decoded));

        assertThat(line.get("topic").asText()).isEqualTo(Topics.POLICY_ALERTS);
        assertThat(line.get("partition").asInt()).isZero();
        assertThat(line.get("offset").asLong()).isEqualTo(12L);
        assertThat(line.get("timestamp").asText()).isEqualTo("2025-03-01T12:00:00Z");
        assertThat(line.get("key").asText()).isEqualTo("c-1");
        assertThat(line.at("/value/conflictId").asText()).isEqualTo("c-1");
        assertThat(line.at("/value/kind").asText()).isEqualTo("NEW_CONFLICT");
        assertThat(line.at("/value/pressing/position/actorId").asText()).isEqualTo("US-DHS");
        assertThat(line.at("/value/resisting/headline").isNull()).isTrue();
        assertThat(line.get("headers").isEmpty()).isTrue();
        assertThat(line.has("error")).isFalse();

        assertThat(RecordFormat.text(decoded))
                .startsWith("policy.alerts.v1-0@12  2025-03-01T12:00:00Z (CreateTime)\n")
                .contains("  key    : c-1\n")
                .contains("\"conflictId\" : \"c-1\"");
    }

    @Test
    void shouldShowDeadLetterBytesAsTextOrBase64WithTheirErrorHeaders() throws Exception {
        RecordDecoder raw = new RecordDecoder(ValueEncoding.RAW, null);
        RecordHeaders headers = new RecordHeaders();
        headers.add("__streams.errors.message", "unknown magic byte".getBytes(StandardCharsets.UTF_8));
        headers.add("__streams.errors.offset", "3".getBytes(StandardCharsets.UTF_8));

        JsonNode text = JSON.readTree(RecordFormat.json(raw.decode(record(Topics.NEWS_DLQ, "not-avro",
                "plain text, not Avro".getBytes(StandardCharsets.UTF_8), headers))));
        JsonNode binary = JSON.readTree(RecordFormat.json(raw.decode(record(Topics.NEWS_DLQ, "bin",
                new byte[] {0, 0, 1, -1, 42}, new RecordHeaders()))));

        assertThat(text.get("value").asText()).isEqualTo("plain text, not Avro");
        assertThat(text.get("valueEncoding").asText()).isEqualTo("utf8");
        assertThat(text.at("/headers/__streams.errors.message").asText()).isEqualTo("unknown magic byte");
        assertThat(text.at("/headers/__streams.errors.offset").asText()).isEqualTo("3");
        assertThat(binary.get("value").asText()).isEqualTo("AAAB/yo=");
        assertThat(binary.get("valueEncoding").asText()).isEqualTo("base64");
    }

    @Test
    void shouldShowTombstonesAsSuch() throws Exception {
        DecodedRecord decoded = avroDecoder().decode(record(Topics.POLICY_CONFLICTS, "c-9", null, new RecordHeaders()));

        assertThat(JSON.readTree(RecordFormat.json(decoded)).get("value").isNull()).isTrue();
        assertThat(RecordFormat.text(decoded)).contains("value  : (tombstone)");
    }

    @Test
    void shouldShowAValueThatIsNotAvroAsBytesWithTheReasonRatherThanStop() throws Exception {
        DecodedRecord decoded = avroDecoder().decode(record(Topics.NEWS_ITEMS, "x",
                "not avro".getBytes(StandardCharsets.UTF_8), new RecordHeaders()));
        JsonNode line = JSON.readTree(RecordFormat.json(decoded));

        assertThat(line.get("value").asText()).isEqualTo("not avro");
        assertThat(line.get("error").asText()).contains("unknown magic byte");
        assertThat(RecordFormat.text(decoded)).contains("error  : ");
    }

    @Test
    void shouldListARepeatedHeaderAsAnArray() throws Exception {
        RecordHeaders headers = new RecordHeaders();
        headers.add("trace", "a".getBytes(StandardCharsets.UTF_8));
        headers.add("trace", new byte[] {1, 2});

        JsonNode line = JSON.readTree(RecordFormat.json(new RecordDecoder(ValueEncoding.RAW, null)
                .decode(record(Topics.NEWS_DLQ, null, new byte[0], headers))));

        assertThat(line.get("key").isNull()).isTrue();
        assertThat(line.at("/headers/trace").toString()).isEqualTo("[\"a\",\"base64:AQI=\"]");
    }
}
