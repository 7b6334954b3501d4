package org.policyradar.registry.serde;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.policyradar.avro.NewsItem;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.policyradar.registry.testing.TestData.aNewsItem;

/** The serializer reuses one buffer and encoder per thread: each record's bytes must still be its own. */
class SerializerBufferReuseTest {

    private static final String TOPIC = "news.items.v1";

    @RegisterExtension
    final RegistryServerExtension registry = new RegistryServerExtension();

    @Test
    void shouldWriteTheSameBytesForARecordWhateverWasSerializedBefore() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer(registry.client());
        NewsItem small = aNewsItem().setId("item-small").setText("The council votes on the ordinance.").build();
        NewsItem large = aNewsItem().setId("item-large").setText("x".repeat(200_000)).build();
        byte[] first = serializer.serialize(TOPIC, small);

        byte[] largeBytes = serializer.serialize(TOPIC, large);
        byte[] afterLarge = serializer.serialize(TOPIC, small);

        assertThat(afterLarge).isEqualTo(first);
        assertThat(largeBytes.length).isGreaterThan(200_000);
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer(registry.client(),
                Map.of(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true));
        assertThat(deserializer.deserialize(TOPIC, largeBytes)).isEqualTo(large);
        assertThat(deserializer.deserialize(TOPIC, afterLarge)).isEqualTo(small);
    }

    @Test
    void shouldWriteTheNextRecordWholeAfterOneFailedHalfWay() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer(registry.client());
        NewsItem item = aNewsItem().build();
        byte[] expected = serializer.serialize(TOPIC, item);
        GenericRecord broken = new GenericData.Record(NewsItem.getClassSchema());
        broken.put("id", "item-broken");
        broken.put("source", "generic-feed");
        // "text" and the required fields after it are missing: the encoder fails after writing the first fields

        assertThatThrownBy(() -> serializer.serialize(TOPIC, broken)).isInstanceOf(SerializationException.class);
        assertThat(serializer.serialize(TOPIC, item)).isEqualTo(expected);
    }
}
