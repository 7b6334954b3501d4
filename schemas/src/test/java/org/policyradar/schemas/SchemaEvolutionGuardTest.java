package org.policyradar.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.policyradar.avro.ConflictAlert;
import org.policyradar.avro.EnrichedNewsItem;
import org.policyradar.avro.NewsItem;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.avro.StoryState;

/**
 * Guards the topics' contracts: the current schema of every topic value must read what the last released
 * schema wrote (BACKWARD), because consumers replay the whole history of news.items.v1 and the compacted
 * conflicts topic. The released copies live in src/test/resources/released; replace one only when releasing.
 */
class SchemaEvolutionGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {"NewsItem", "EnrichedNewsItem", "PolicyConflict", "ConflictAlert", "StoryState"})
    void shouldReadEverythingTheLastReleasedSchemaWrote(String name) throws IOException {
        Schema released = released(name);
        Schema current = current(name);

        SchemaCompatibilityResult result =
                SchemaCompatibility.checkReaderWriterCompatibility(current, released).getResult();

        assertThat(result.getCompatibility())
                .as("%s is no longer BACKWARD compatible with its released version: %s", name, describe(result))
                .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NewsItem", "PolicyConflict"})
    void shouldNameTheFieldWhenAnEditBreaksCompatibility(String name) throws IOException {
        // a required field without a default is the classic breaking edit; the guard must point at it
        String broken = released(name).toString().replaceFirst(
                "\"fields\":\\[", "\"fields\":[{\"name\":\"mandatoryNewField\",\"type\":\"string\",\"doc\":\"x\"},");
        Schema brokenCurrent = new Schema.Parser().parse(broken);

        SchemaCompatibilityResult result =
                SchemaCompatibility.checkReaderWriterCompatibility(brokenCurrent, released(name)).getResult();

        assertThat(result.getCompatibility()).isEqualTo(SchemaCompatibility.SchemaCompatibilityType.INCOMPATIBLE);
        assertThat(describe(result)).contains("mandatoryNewField");
    }

    private static String describe(SchemaCompatibilityResult result) {
        return result.getIncompatibilities().stream()
                .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
                .collect(Collectors.joining("; "));
    }

    private static Schema current(String name) {
        return switch (name) {
            case "NewsItem" -> NewsItem.getClassSchema();
            case "EnrichedNewsItem" -> EnrichedNewsItem.getClassSchema();
            case "PolicyConflict" -> PolicyConflict.getClassSchema();
            case "ConflictAlert" -> ConflictAlert.getClassSchema();
            // not a topic value, but the stories store's changelog: a restore reads what the last release wrote
            case "StoryState" -> StoryState.getClassSchema();
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static Schema released(String name) throws IOException {
        try (InputStream in = SchemaEvolutionGuardTest.class.getResourceAsStream("/released/" + name + ".avsc")) {
            assertThat(in).as("released copy of " + name).isNotNull();
            return new Schema.Parser().parse(in);
        }
    }
}
