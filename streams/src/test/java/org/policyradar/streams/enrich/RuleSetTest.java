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

    @Test
    void shouldNameAMissingWeight() throws IOException {
        copyDefaults();
        replaceInCues(",\n  \"courtWeight\": 0.8", "");
        assertThatThrownBy(() -> RuleSet.load(dir)).isInstanceOf(RuleSetException.class)
                .hasMessage("rules file cues.json has no 'scoring.courtWeight'");
    }

    @Test
    void shouldRefuseAWeightAboveOne() throws IOException {
        copyDefaults();
        replaceInCues("\"cueWeight\": 0.7", "\"cueWeight\": 1.5");
        assertThatThrownBy(() -> RuleSet.load(dir)).isInstanceOf(RuleSetException.class)
                .hasMessage("rules file cues.json: 'scoring.cueWeight' is 1.5, expected a number from 0 to 1");
    }

    @Test
    void shouldRefuseACueWeightBelowZero() throws IOException {
        copyDefaults();
        String cues = Files.readString(dir.resolve(RuleSet.CUES_FILE));
        Files.writeString(dir.resolve(RuleSet.CUES_FILE), cues.replaceFirst("\"weight\": 0\\.85", "\"weight\": -0.2"));
        assertThatThrownBy(() -> RuleSet.load(dir)).isInstanceOf(RuleSetException.class)
                .hasMessageContaining("cues.json").hasMessageContaining("has weight -0.2")
                .hasMessageContaining("expected a number from 0 to 1");
    }

    @Test
    void shouldNameAWeightThatIsNoNumber() throws IOException {
        copyDefaults();
        replaceInCues("\"refusalWeight\": 0.8", "\"refusalWeight\": \"high\"");
        assertThatThrownBy(() -> RuleSet.load(dir)).isInstanceOf(RuleSetException.class)
                .hasMessageContaining("cues.json").hasMessageContaining("malformed")
                .hasMessageContaining("refusalWeight");
    }

    @Test
    void shouldWeighACueWithoutItsOwnWeightByTheDefaultOfTheRules() throws IOException {
        // the shared "cut funding" threat of the packs has no weight of its own: scoring.cueWeight decides
        String text = "The Education Department moved to cut funding to Maine over transgender athletes in girls' sports.";
        copyDefaults();
        double shipped = new Enricher(RuleSet.load(dir)).positionsOf(null, text).get(0).getConfidence();
        replaceInCues("\"cueWeight\": 0.7", "\"cueWeight\": 0.9");
        double raised = new Enricher(RuleSet.load(dir)).positionsOf(null, text).get(0).getConfidence();

        assertThat(shipped).isEqualTo(0.7);
        assertThat(raised).isEqualTo(0.9);
    }

    private void replaceInCues(String from, String to) throws IOException {
        String cues = Files.readString(dir.resolve(RuleSet.CUES_FILE));
        assertThat(cues).contains(from);
        Files.writeString(dir.resolve(RuleSet.CUES_FILE), cues.replace(from, to));
    }
}
