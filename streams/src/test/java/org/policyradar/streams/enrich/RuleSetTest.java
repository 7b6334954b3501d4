package org.policyradar.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuleSetTest {

    @TempDir
    Path dir;

    private void copyDefaults() throws IOException {
        for (String file : new String[] {RuleSet.ACTORS_FILE, RuleSet.PLACES_FILE, RuleSet.CUES_FILE}) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("rules/" + file)) {
                Files.copy(in, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.createDirectories(dir.resolve(RuleSet.PACKS_DIR));
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("rules/packs/packs.json")) {
            Files.copy(in, dir.resolve(RuleSet.PACKS_DIR).resolve(RuleSet.PACK_INDEX));
        }
        for (String pack : RuleSet.loadDefault().packs().stream().map(DomainPack::domain).toList()) {
            String file = pack.toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".json";
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("rules/packs/" + file)) {
                Files.copy(in, dir.resolve(RuleSet.PACKS_DIR).resolve(file));
            }
        }
    }

    @Test
    void shouldLoadTheVersionOfTheShippedRules() {
        RuleSet rules = RuleSet.loadDefault();
        assertThat(rules.version()).matches("\\d{4}\\.\\d+\\.\\d+(\\+[a-z_]+@\\d{4}\\.\\d+\\.\\d+(,[a-z_]+@\\d{4}\\.\\d+\\.\\d+)*)?");
        assertThat(RuleSet.loadDefault(java.util.List.of("IMMIGRATION")).version()).matches("\\d{4}\\.\\d+\\.\\d+");
        assertThat(rules.gazetteer().byCode("US-CA-STOCKTON")).isPresent();
    }

    @Test
    void shouldLoadTheSameRulesFromADirectory() throws IOException {
        copyDefaults();
        assertThat(RuleSet.load(dir).version()).isEqualTo(RuleSet.loadDefault().version());
    }

    @Test
    void shouldNameTheFileThatIsMalformed() throws IOException {
        copyDefaults();
        Files.writeString(dir.resolve(RuleSet.CUES_FILE), "{\"version\": \"x\", \"cues\": [ {\"id\": ");
        assertThatThrownBy(() -> RuleSet.load(dir)).isInstanceOf(RuleSetException.class)
                .hasMessageContaining("cues.json").hasMessageContaining("malformed");
    }

    @Test
    void shouldNameTheFileWithAnUnknownValue() throws IOException {
        copyDefaults();
        String actors = Files.readString(dir.resolve(RuleSet.ACTORS_FILE)).replaceFirst("\"level\": \"FEDERAL\"",
                "\"level\": \"GALACTIC\"");
        Files.writeString(dir.resolve(RuleSet.ACTORS_FILE), actors);
        assertThatThrownBy(() -> RuleSet.load(dir)).isInstanceOf(RuleSetException.class)
                .hasMessageContaining("actors.json").hasMessageContaining("GALACTIC");
    }

    @Test
    void shouldRefuseFilesOfDifferentVersions() throws IOException {
        copyDefaults();
        String places = Files.readString(dir.resolve(RuleSet.PLACES_FILE)).replaceFirst("\"version\": \"[^\"]+\"",
                "\"version\": \"1999.1.1\"");
        Files.writeString(dir.resolve(RuleSet.PLACES_FILE), places);
        assertThatThrownBy(() -> RuleSet.load(dir)).isInstanceOf(RuleSetException.class)
                .hasMessageContaining("places.json").hasMessageContaining("1999.1.1");
    }

    @Test
    void shouldNameAMissingFile() throws IOException {
        copyDefaults();
        Files.delete(dir.resolve(RuleSet.ACTORS_FILE));
        assertThatThrownBy(() -> RuleSet.load(dir)).isInstanceOf(RuleSetException.class)
                .hasMessageContaining("actors.json").hasMessageContaining("missing");
    }
}
