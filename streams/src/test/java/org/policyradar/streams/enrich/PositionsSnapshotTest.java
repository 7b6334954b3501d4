package org.policyradar.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.policyradar.avro.PolicyPosition;

/**
 * Every position the rules find on the team's corpora, compared with the recorded ones: a change that is meant
 * to be only faster (compiled patterns, loops instead of streams) must leave this file as it is; a rule change
 * that alters positions re-records it ({@code -Dpositions.snapshot.update=true}) and the diff shows what moved.
 */
class PositionsSnapshotTest {

    private static final List<String> CORPORA = List.of("eval-news.txt", "patterns-news.txt", "seed-news.txt");
    private static final String SNAPSHOT = "enrich/positions-snapshot.txt";

    @Test
    void shouldFindTheRecordedPositionsOnTheTeamCorpora() throws IOException {
        // the immigration rules only: the packs have their own corpus and DomainPacksTest
        Enricher enricher = new Enricher(RuleSet.loadDefault(List.of(PolicyDomains.IMMIGRATION)));
        List<String> found = new ArrayList<>();
        for (String corpus : CORPORA) {
            List<String> lines = read("corpus/" + corpus).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                for (PolicyPosition position : enricher.positionsOf(null, lines.get(i))) {
                    found.add(corpus + ":" + (i + 1) + "\t" + position);
                }
            }
        }
        String actual = String.join("\n", found) + "\n";
        Path source = Path.of("src/test/resources", SNAPSHOT);
        if (Boolean.getBoolean("positions.snapshot.update")) {
            Files.writeString(source, actual, StandardCharsets.UTF_8);
        }
        String recorded = Files.isRegularFile(source) ? Files.readString(source, StandardCharsets.UTF_8) : read(SNAPSHOT);

        assertThat(found).as("positions on the team corpora").isNotEmpty();
        assertThat(actual).isEqualTo(recorded);
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = PositionsSnapshotTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as("test resource %s", resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
