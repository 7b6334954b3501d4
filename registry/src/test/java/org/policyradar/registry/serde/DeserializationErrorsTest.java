package org.policyradar.registry.serde;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.policyradar.avro.NewsItem;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.policyradar.registry.testing.TestData.aNewsItem;

/**
 * Every way a payload can be unreadable raises SerializationException naming the topic and the cause, which the
 * Streams deserialization handler routes to the dead-letter topic.
 */
class DeserializationErrorsTest {

    private static final String TOPIC = "news.items.v1";

    @RegisterExtension
    final RegistryServerExtension registry = new RegistryServerExtension();

    private KafkaAvroDeserializer specific;
    private byte[] valid;

    @BeforeEach
    void setUp() {
        specific = new KafkaAvroDeserializer();
        specific.configure(registry.config(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true), false);
        valid = new KafkaAvroSerializer(registry.client()).serialize(TOPIC, aNewsItem().build());
    }

    @Test
    void shouldRefuseAWrongMagicByte() {
        byte[] payload = valid.clone();
        payload[0] = 7;

        assertThatThrownBy(() -> specific.deserialize(TOPIC, payload))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("'news.items.v1'")
                .hasMessageContaining("unknown magic byte 7");
    }

    @Test
    void shouldRefuseAnUnknownSchemaId() {
        byte[] payload = valid.clone();
        ByteBuffer.wrap(payload).putInt(1, 4242);

        assertThatThrownBy(() -> specific.deserialize(TOPIC, payload))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("'news.items.v1'")
                .hasMessageContaining("schema id 4242 not found");
    }

    @Test
    void shouldRefuseAPayloadShorterThanTheHeader() {
        assertThatThrownBy(() -> specific.deserialize(TOPIC, new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("'news.items.v1'")
                .hasMessageContaining("3 bytes");
    }

    @Test
    void shouldRefuseATruncatedPayload() {
        byte[] truncated = Arrays.copyOf(valid, valid.length - 6);

        assertThatThrownBy(() -> specific.deserialize(TOPIC, truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("'news.items.v1'")
                .hasMessageContaining("cannot decode");
    }

    @Test
    void shouldRefuseBytesLeftOverAfterTheRecord() {
        byte[] longer = Arrays.copyOf(valid, valid.length + 3);

        assertThatThrownBy(() -> specific.deserialize(TOPIC, longer))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("'news.items.v1'")
                .hasMessageContaining("left over");
    }

    @Test
    void shouldRefuseGarbageAfterAValidHeader() {
        byte[] garbage = Arrays.copyOf(valid, 12);
        Arrays.fill(garbage, 5, 12, (byte) 0xFF);

        assertThatThrownBy(() -> specific.deserialize(TOPIC, garbage))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("'news.items.v1'");
    }

    @Test
    void shouldRefuseARecordWithoutAGeneratedClassWhenReadingSpecific() {
        byte[] payload = new KafkaAvroSerializer(registry.client()).serialize("pings",
                new GenericData.Record(new Schema.Parser().parse(
                        "{\"type\":\"record\",\"name\":\"Unknown\",\"namespace\":\"nowhere\",\"fields\":[]}")));

        assertThatThrownBy(() -> specific.deserialize("pings", payload))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("'pings'")
                .hasMessageContaining("nowhere.Unknown");
    }

    @Test
    void shouldRefuseWhenTheRegistryIsUnreachable() {
        KafkaAvroDeserializer cut = new KafkaAvroDeserializer();
        cut.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "http://127.0.0.1:1",
                "max.retries", 0), false);

        assertThatThrownBy(() -> cut.deserialize(TOPIC, valid))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("'news.items.v1'")
                .hasMessageContaining("cannot retrieve schema id");
    }

    @Test
    void shouldReadThePayloadTheOtherCasesSpoil() {
        // guards the cases above: they fail because of what they change, not because of the setup
        assertThat(specific.deserialize(TOPIC, valid)).isInstanceOf(NewsItem.class);
    }
}
