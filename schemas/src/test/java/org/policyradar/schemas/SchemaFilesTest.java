package org.policyradar.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParser;
import org.junit.jupiter.api.Test;

class SchemaFilesTest {

    private static final Path AVRO_DIR = Path.of("src/main/avro");

    @Test
    void shouldParseEverySchemaFile() throws IOException {
        List<Schema> parsed = parseAll();

        assertThat(parsed).extracting(Schema::getName).contains(
                "NewsItem", "EnrichedNewsItem", "PolicyPosition", "PolicyConflict", "ConflictAlert");
        assertThat(parsed).hasSize(avroFiles().size());
    }

    @Test
    void shouldDefineExactlyOneNamedTypeInTheGeneratedPackagePerFile() throws IOException {
        for (Schema schema : parseAll()) {
            assertThat(schema.getNamespace()).as(schema.getName()).isEqualTo("org.policyradar.avro");
        }
    }

    @Test
    void shouldDocumentEveryRecordAndField() throws IOException {
        for (Schema schema : parseAll()) {
            assertThat(schema.getDoc()).as("doc of " + schema.getName()).isNotBlank();
            if (schema.getType() == Schema.Type.RECORD) {
                for (Schema.Field field : schema.getFields()) {
                    assertThat(field.doc()).as("doc of " + schema.getName() + "." + field.name()).isNotBlank();
                }
            }
        }
    }

    @Test
    void shouldGiveEveryOptionalFieldADefault() throws IOException {
        for (Schema schema : parseAll()) {
            if (schema.getType() != Schema.Type.RECORD) {
                continue;
            }
            for (Schema.Field field : schema.getFields()) {
                if (field.schema().isNullable()) {
                    assertThat(field.hasDefaultValue())
                            .as(schema.getName() + "." + field.name() + " is nullable so it needs a default")
                            .isTrue();
                }
            }
        }
    }

    @Test
    void shouldStoreTimestampsAsTimestampMillis() {
        Schema newsItem = org.policyradar.avro.NewsItem.getClassSchema();

        assertThat(newsItem.getField("publishedAt").schema().getLogicalType().getName())
                .isEqualTo("timestamp-millis");
        assertThat(newsItem.getField("ingestedAt").schema().getLogicalType().getName())
                .isEqualTo("timestamp-millis");
    }

    /**
     * Parses every file with one parser, so that files may name types defined in others. Enums come first: a
     * field's default is checked as the field is parsed, and an enum default cannot be checked against an enum
     * not parsed yet.
     */
    private static List<Schema> parseAll() throws IOException {
        SchemaParser parser = new SchemaParser();
        List<SchemaParser.ParseResult> results = new ArrayList<>();
        for (Path file : avroFiles()) {
            results.add(parser.parse(file));
        }
        List<Schema> parsed = new ArrayList<>();
        for (SchemaParser.ParseResult result : results) {
            parsed.add(parser.resolve(result));
        }
        return parsed;
    }

    private static List<Path> avroFiles() throws IOException {
        try (Stream<Path> files = Files.list(AVRO_DIR)) {
            return files.filter(p -> p.toString().endsWith(".avsc"))
                    .sorted(Comparator.comparing((Path p) -> !isEnum(p)).thenComparing(Comparator.naturalOrder()))
                    .toList();
        }
    }

    private static boolean isEnum(Path file) {
        try {
            return Files.readString(file).contains("\"type\": \"enum\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
