package org.policyradar.registry.serde;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.policyradar.avro.NewsItem;
import org.policyradar.avro.PolicyPosition;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyradar.registry.testing.TestData.aNewsItem;
import static org.policyradar.registry.testing.TestData.aPolicyPosition;

/** Generated classes through the Confluent wire format and back. */
class SpecificAvroSerdeTest {

    private static final String TOPIC = "news.items.v1";

    @RegisterExtension
    final RegistryServerExtension registry = new RegistryServerExtension();

    private <T extends SpecificRecord> Serde<T> valueSerde() {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>();
        serde.configure(registry.config(), false);
        return serde;
    }

    @Test
    void shouldRoundTripANewsItem() {
        Serde<NewsItem> serde = valueSerde();
        NewsItem item = aNewsItem().build();

        byte[] bytes = serde.serializer().serialize(TOPIC, item);
        NewsItem back = serde.deserializer().deserialize(TOPIC, bytes);

        assertThat(back).isEqualTo(item);
        assertThat(back.getPublishedAt()).isEqualTo(item.getPublishedAt());
    }

    @Test
    void shouldRoundTripANestedRecordWithEnumsAndArrays() {
        Serde<PolicyPosition> serde = valueSerde();
        PolicyPosition position = aPolicyPosition().build();

        PolicyPosition back = serde.deserializer().deserialize("positions",
                serde.serializer().serialize("positions", position));

        assertThat(back).isEqualTo(position);
    }

    @Test
    void shouldWriteMagicByteSchemaIdAndAvroBinary() throws Exception {
        Serde<NewsItem> serde = valueSerde();
        NewsItem item = aNewsItem().build();

        byte[] bytes = serde.serializer().serialize(TOPIC, item);

        int id = registry.client().getId("news.items.v1-value", NewsItem.getClassSchema());
        assertThat(bytes[0]).isEqualTo((byte) 0);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
        assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(avroBinary(item));
    }

    @Test
    void shouldRegisterKeysUnderTheKeySubject() throws Exception {
        SpecificAvroSerde<NewsItem> serde = new SpecificAvroSerde<>();
        serde.configure(registry.config(), true);

        serde.serializer().serialize(TOPIC, aNewsItem().build());

        assertThat(registry.client().getAllSubjects()).containsExactly("news.items.v1-key");
    }

    @Test
    void shouldPassNullThroughAsATombstone() {
        Serde<NewsItem> serde = valueSerde();

        assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
        assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
    }

    @Test
    void shouldReadSpecificRecordsEvenWhenConfiguredOtherwise() {
        SpecificAvroSerde<NewsItem> serde = new SpecificAvroSerde<>(registry.client());
        serde.configure(registry.config(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, "false"), false);

        Object back = serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, aNewsItem().build()));

        assertThat(back).isInstanceOf(NewsItem.class);
    }

    @Test
    void shouldWorkWithAClientAndNoConfiguration() {
        SpecificAvroSerde<NewsItem> serde = new SpecificAvroSerde<>(registry.client());
        NewsItem item = aNewsItem().build();

        assertThat(serde.deserializer().deserialize(TOPIC, serde.serializer().serialize(TOPIC, item))).isEqualTo(item);
    }

    /** The Avro binary encoding of a record without the generated class's single-object header. */
    private static byte[] avroBinary(NewsItem item) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<NewsItem>(NewsItem.getClassSchema(), SpecificData.getForClass(NewsItem.class))
                .write(item, encoder);
        encoder.flush();
        return out.toByteArray();
    }
}
