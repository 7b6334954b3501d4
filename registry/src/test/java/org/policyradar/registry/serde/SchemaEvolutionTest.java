package org.policyradar.registry.serde;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.policyradar.avro.EventTimeSource;
import org.policyradar.avro.NewsItem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyradar.registry.testing.TestData.INGESTED;
import static org.policyradar.registry.testing.TestData.PUBLISHED;
import static org.policyradar.registry.testing.TestData.aNewsItem;
import static org.policyradar.registry.testing.TestData.oldNewsItemSchema;

/** A reader on a newer schema reads records written with an older one, through the registry. */
class SchemaEvolutionTest {

    private static final String TOPIC = "news.items.v1";

    @RegisterExtension
    final RegistryServerExtension registry = new RegistryServerExtension();

    private byte[] writtenWithTheOldSchema() {
        Schema old = oldNewsItemSchema();
        GenericRecord record = new GenericData.Record(old);
        record.put("id", "item-old");
        record.put("source", "archive");
        record.put("url", null);
        record.put("headline", "Sheriff ends 287(g) agreement");
        record.put("text", "The county sheriff ended the 287(g) agreement with federal immigration authorities.");
        record.put("publishedAt", PUBLISHED.toEpochMilli());
        record.put("eventTimeSource", new GenericData.EnumSymbol(old.getField("eventTimeSource").schema(), "PUBLISHED"));
        record.put("ingestedAt", INGESTED.toEpochMilli());
        return new KafkaAvroSerializer(registry.client()).serialize(TOPIC, record);
    }

    @Test
    void shouldReadAnOldRecordIntoTheNewClass() {
        byte[] old = writtenWithTheOldSchema();
        SpecificAvroSerde<NewsItem> serde = new SpecificAvroSerde<>();
        serde.configure(registry.config(), false);

        NewsItem item = serde.deserializer().deserialize(TOPIC, old);

        assertThat(item.getId()).isEqualTo("item-old");
        assertThat(item.getHeadline()).isEqualTo("Sheriff ends 287(g) agreement");
        assertThat(item.getPublishedAt()).isEqualTo(PUBLISHED);
        assertThat(item.getEventTimeSource()).isEqualTo(EventTimeSource.PUBLISHED);
        assertThat(item.getIngestedAt()).isEqualTo(INGESTED);
        // the fields the old writer did not know take their defaults
        assertThat(item.getLanguage()).isNull();
        assertThat(item.getAttributes()).isEmpty();
    }

    @Test
    void shouldLetTheNewSchemaFollowTheOldOneUnderBackwardCompatibility() throws Exception {
        writtenWithTheOldSchema();

        int newId = registry.client().register("news.items.v1-value", NewsItem.getClassSchema());

        assertThat(registry.client().getAllVersions("news.items.v1-value")).containsExactly(1, 2);
        assertThat(registry.client().getLatestSchemaMetadata("news.items.v1-value").id()).isEqualTo(newId);
    }

    @Test
    void shouldReadOldAndNewRecordsFromTheSameTopic() {
        byte[] old = writtenWithTheOldSchema();
        SpecificAvroSerde<NewsItem> serde = new SpecificAvroSerde<>();
        serde.configure(registry.config(), false);
        NewsItem current = aNewsItem().build();
        byte[] fresh = serde.serializer().serialize(TOPIC, current);

        assertThat(serde.deserializer().deserialize(TOPIC, old).getId()).isEqualTo("item-old");
        assertThat(serde.deserializer().deserialize(TOPIC, fresh)).isEqualTo(current);
    }
}
