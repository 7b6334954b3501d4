package org.policyradar.registry.server;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The records of the schemas topic: what KafkaSchemaStore writes is what it reads back. */
class StoreRecordFormatTest {

    private static final String SCHEMA = "{\"type\":\"record\",\"name\":\"Ping\",\"fields\":[]}";

    @Test
    void shouldWriteKeysInConfluentsLayoutWithAFixedFieldOrder() {
        assertThat(text(StoreRecordFormat.schemaKey("news.items.v1-value", 3)))
                .isEqualTo("{\"keytype\":\"SCHEMA\",\"subject\":\"news.items.v1-value\",\"version\":3,\"magic\":1}");
        assertThat(text(StoreRecordFormat.configKey(null)))
                .isEqualTo("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}");
        assertThat(text(StoreRecordFormat.configValue(CompatibilityLevel.FULL)))
                .isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
    }

    @Test
    void shouldRebuildTheStateFromTheRecords() {
        SchemaIndex index = new SchemaIndex();
        SchemaVersion v1 = new SchemaVersion("s", 1, 1, SCHEMA, false);
        SchemaVersion v2 = new SchemaVersion("s", 2, 2, "\"string\"", false);

        apply(index, StoreRecordFormat.schemaKey("s", 1), StoreRecordFormat.schemaValue(v1));
        apply(index, StoreRecordFormat.schemaKey("s", 2), StoreRecordFormat.schemaValue(v2));
        apply(index, StoreRecordFormat.schemaKey("s", 1), StoreRecordFormat.schemaValue(v1.asDeleted()));
        apply(index, StoreRecordFormat.configKey(null), StoreRecordFormat.configValue(CompatibilityLevel.NONE));
        apply(index, StoreRecordFormat.configKey("s"), StoreRecordFormat.configValue(CompatibilityLevel.FULL));

        assertThat(index.versions("s")).containsExactly(v1.asDeleted(), v2);
        assertThat(index.schemaById(1)).hasValue(SCHEMA);
        assertThat(index.idOf("\"string\"")).hasValue(2);
        assertThat(index.maxId()).isEqualTo(2);
        assertThat(index.compatibility(null)).hasValue(CompatibilityLevel.NONE);
        assertThat(index.compatibility("s")).hasValue(CompatibilityLevel.FULL);
    }

    @Test
    void shouldForgetWhatATombstoneRemoves() {
        SchemaIndex index = new SchemaIndex();
        apply(index, StoreRecordFormat.schemaKey("s", 1),
                StoreRecordFormat.schemaValue(new SchemaVersion("s", 1, 5, SCHEMA, true)));
        apply(index, StoreRecordFormat.configKey("s"), StoreRecordFormat.configValue(CompatibilityLevel.FULL));

        apply(index, StoreRecordFormat.schemaKey("s", 1), null);
        apply(index, StoreRecordFormat.configKey("s"), StoreRecordFormat.configValue(null));

        assertThat(index.subjects()).isEmpty();
        assertThat(index.schemaById(5)).isEmpty();
        assertThat(index.compatibility("s")).isEmpty();
        // an id is not handed out again while the store runs
        assertThat(index.maxId()).isEqualTo(5);
    }

    @Test
    void shouldSkipRecordsOfOtherKeyTypes() {
        SchemaIndex index = new SchemaIndex();

        boolean applied = StoreRecordFormat.apply(bytes("{\"keytype\":\"NOOP\",\"magic\":0}"), null, index);

        assertThat(applied).isFalse();
        assertThat(index.subjects()).isEmpty();
    }

    @Test
    void shouldRefuseAMalformedRecordOfAKnownType() {
        assertThatThrownBy(() -> StoreRecordFormat.apply(StoreRecordFormat.schemaKey("s", 1),
                bytes("{\"subject\":\"s\",\"version\":1,\"id\":1}"), new SchemaIndex()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema");
    }

    private static void apply(SchemaIndex index, byte[] key, byte[] value) {
        assertThat(StoreRecordFormat.apply(key, value, index)).isTrue();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
