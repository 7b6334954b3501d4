package org.policyradar.registry.serde;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.policyradar.avro.NewsItem;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyradar.registry.testing.TestData.PUBLISHED;
import static org.policyradar.registry.testing.TestData.aNewsItem;

/** Generic records through the Confluent wire format, and generic reading of what generated classes wrote. */
class GenericAvroSerdeTest {

    private static final String TOPIC = "news.items.v1";

    @RegisterExtension
    final RegistryServerExtension registry = new RegistryServerExtension();

    private GenericAvroSerde valueSerde() {
        GenericAvroSerde serde = new GenericAvroSerde();
        serde.configure(registry.config(), false);
        return serde;
    }

    @Test
    void shouldRoundTripAGenericRecord() {
        GenericRecord record = new GenericData.Record(NewsItem.getClassSchema());
        record.put("id", "item-7");
        record.put("source", "generic-feed");
        record.put("text", "The county board votes to end its detainer agreement.");
        record.put("publishedAt", PUBLISHED.toEpochMilli());
        record.put("eventTimeSource", new GenericData.EnumSymbol(
                NewsItem.getClassSchema().getField("eventTimeSource").schema(), "PUBLISHED"));
        record.put("ingestedAt", PUBLISHED.toEpochMilli());
        record.put("attributes", Map.of());
        GenericAvroSerde serde = valueSerde();

        GenericRecord back = serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, record));

        assertThat(back).isEqualTo(record);
    }

    @Test
    void shouldReadWhatAGeneratedClassWroteAsAGenericRecord() {
        NewsItem item = aNewsItem().build();
        byte[] bytes = new KafkaAvroSerializer(registry.client()).serialize(TOPIC, item);

        GenericRecord back = valueSerde().deserializer().deserialize(TOPIC, bytes);

        assertThat(back).isNotInstanceOf(NewsItem.class);
        assertThat(back.getSchema()).isEqualTo(NewsItem.getClassSchema());
        assertThat(back.get("id")).isEqualTo(item.getId());
        assertThat(back.get("publishedAt")).isEqualTo(item.getPublishedAt().toEpochMilli());
        assertThat(back.get("eventTimeSource").toString()).isEqualTo("PUBLISHED");
    }

    @Test
    void shouldReadGenericallyByDefaultWithThePlainDeserializer() {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(registry.config(), false);
        byte[] bytes = new KafkaAvroSerializer(registry.client()).serialize(TOPIC, aNewsItem().build());

        assertThat(deserializer.deserialize(TOPIC, bytes)).isInstanceOf(GenericData.Record.class);
    }

    @Test
    void shouldPassNullThroughAsATombstone() {
        GenericAvroSerde serde = valueSerde();

        assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
        assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
    }

    @Test
    void shouldRoundTripPrimitives() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(registry.config(), true);
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer(registry.client());

        assertThat(deserializer.deserialize(TOPIC, serializer.serialize(TOPIC, "item-0001"))).isEqualTo("item-0001");
        assertThat(deserializer.deserialize(TOPIC, serializer.serialize("counts", 42L))).isEqualTo(42L);
        assertThat(deserializer.deserialize(TOPIC, serializer.serialize("raw", new byte[] {1, 2, 3})))
                .isEqualTo(new byte[] {1, 2, 3});
        assertThat(deserializer.deserialize(TOPIC, serializer.serialize("flags", true))).isEqualTo(true);
    }

    @Test
    void shouldRegisterPrimitiveKeysUnderTheKeySubject() throws Exception {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(registry.config(), true);

        serializer.serialize(TOPIC, "item-0001");

        assertThat(registry.client().getLatestSchemaMetadata("news.items.v1-key").schema())
                .isEqualTo(Schema.create(Schema.Type.STRING));
    }
}
