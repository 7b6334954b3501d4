package org.policyradar.registry.serde;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.policyradar.avro.NewsItem;
import org.policyradar.registry.client.SchemaRegistryClients;

import java.nio.ByteBuffer;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.policyradar.registry.testing.TestData.aNewsItem;
import static org.policyradar.registry.testing.TestData.field;
import static org.policyradar.registry.testing.TestData.pingSchema;

/** auto.register.schemas, use.latest.version, and the serializer's refusals. */
class SerializerSettingsTest {

    private static final String TOPIC = "news.items.v1";

    @RegisterExtension
    final RegistryServerExtension registry = new RegistryServerExtension();

    @Test
    void shouldLookUpInsteadOfRegisteringWhenAutoRegistrationIsOff() throws Exception {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(registry.config(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false"), false);

        assertThatThrownBy(() -> serializer.serialize(TOPIC, aNewsItem().build()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("subject 'news.items.v1-value'")
                .hasMessageContaining("topic 'news.items.v1'")
                .hasMessageContaining("40401");
        assertThat(registry.client().getAllSubjects()).isEmpty();

        int id = registry.client().register("news.items.v1-value", NewsItem.getClassSchema());
        byte[] bytes = serializer.serialize(TOPIC, aNewsItem().build());
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
    }

    @Test
    void shouldWriteWithTheLatestSchemaWhenAsked() throws Exception {
        Schema v1 = new Schema.Parser().parse(pingSchema(field("a", "string")));
        Schema v2 = new Schema.Parser().parse(pingSchema(field("a", "string"), field("b", "string", "\"x\"")));
        registry.client().register("pings-value", v1);
        int latestId = registry.client().register("pings-value", v2);
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(registry.config(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, false,
                AvroSerdeConfig.USE_LATEST_VERSION, true), false);
        GenericRecord record = new GenericData.Record(v2);
        record.put("a", "hello");
        record.put("b", "world");

        byte[] bytes = serializer.serialize("pings", record);

        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(latestId);
        Object back = new KafkaAvroDeserializer(registry.client()).deserialize("pings", bytes);
        assertThat(back).isEqualTo(record);
    }

    @Test
    void shouldReportAnIncompatibleSchemaWithTheTopicAndSubject() throws Exception {
        registry.client().register("pings-value", new Schema.Parser().parse(pingSchema(field("a", "string"))));
        GenericRecord record = new GenericData.Record(new Schema.Parser().parse(pingSchema(field("a", "int"))));
        record.put("a", 1);
        KafkaAvroSerializer serializer = new KafkaAvroSerializer(registry.client());

        assertThatThrownBy(() -> serializer.serialize("pings", record))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic 'pings'")
                .hasMessageContaining("subject 'pings-value'")
                .hasMessageContaining("incompatible");
    }

    @Test
    void shouldReportARecordThatDoesNotMatchItsSchema() {
        GenericRecord incomplete = new GenericData.Record(new Schema.Parser().parse(pingSchema(field("a", "string"))));
        KafkaAvroSerializer serializer = new KafkaAvroSerializer(registry.client());

        assertThatThrownBy(() -> serializer.serialize("pings", incomplete))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic 'pings'");
    }

    @Test
    void shouldRefuseATypeAvroCannotWrite() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer(registry.client());

        assertThatThrownBy(() -> serializer.serialize("things", new Object()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic 'things'")
                .hasMessageContaining("java.lang.Object");
    }

    @Test
    void shouldRefuseToRunUnconfigured() {
        assertThatThrownBy(() -> new KafkaAvroSerializer().serialize(TOPIC, aNewsItem().build()))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new KafkaAvroDeserializer().deserialize(TOPIC, new byte[5]))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRefuseANonBooleanSetting() {
        assertThatThrownBy(() -> AvroSerdeConfig.parse(Map.of(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "yes")))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void shouldRoundTripThroughAnInProcessMockScope() {
        Map<String, Object> config = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, "mock://serde-test");
        try {
            SpecificAvroSerde<NewsItem> serde = new SpecificAvroSerde<>();
            serde.configure(config, false);
            NewsItem item = aNewsItem().build();

            assertThat(serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, item)))
                    .isEqualTo(item);
        } finally {
            SchemaRegistryClients.dropMockScope("serde-test");
        }
    }
}
