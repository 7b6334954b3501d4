package org.policyradar.streams.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.policyradar.streams.evaluate.ConflictScoring.PairFigures;
import org.policyradar.streams.evaluate.ConflictScoring.ScoredConflict;

/** A pipeline run's conflicts scored as story-cluster pairs, on labels of the team's own. */
class ConflictScoringTest {

    private static final List<CorpusItem> CORPUS = List.of(
            new CorpusItem("doj", "Wire A", null, "The Justice Department sued Minnesota."),
            new CorpusItem("doj-copy", "Wire B", null, "Justice Department files suit against Minnesota."),
            new CorpusItem("mn", "Paper C", null, "Minnesota said it will keep its sanctuary law."),
            new CorpusItem("wi", "Paper D", null, "Wisconsin said it will not help ICE."),
            new CorpusItem("stats", "Paper E", null, "ICE detentions reached a record."));

    private static LabelFile labels;

    @BeforeAll
    static void readLabels() throws IOException {
        String json = "{\"items\": {"
                + "\"doj\": {\"cluster\": \"c1\", \"side\": \"PRESS\", \"topic\": \"COOPERATION\", \"scope\": [\"MN\"]},"
                + "\"doj-copy\": {\"cluster\": \"c1\", \"side\": \"PRESS\", \"topic\": \"COOPERATION\", \"scope\": [\"MN\"]},"
                + "\"mn\": {\"cluster\": \"c2\", \"side\": \"RESIST\", \"topic\": \"COOPERATION\", \"jur\": [null, \"MN\"]},"
                + "\"wi\": {\"cluster\": \"c3\", \"side\": \"RESIST\", \"topic\": \"COOPERATION\", \"jur\": [null, \"WI\"]},"
                + "\"stats\": {\"cluster\": \"c4\", \"side\": \"NEUTRAL\"}}}";
        labels = LabelFile.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static PairFigures scoreAll(ScoredConflict... conflicts) {
        return ConflictScoring.score(CORPUS, labels, HoldoutSplit.ALL, List.of(conflicts)).get(0);
    }

    @Test
    void shouldCountAStoryOfManyReportsAsOneClusterPair() {
        PairFigures figures = scoreAll(new ScoredConflict("IMMIGRATION", List.of("doj", "doj-copy"), List.of("mn")));

        assertThat(figures.conflicts()).isEqualTo(1);
        assertThat(figures.required()).isEqualTo(1);
        assertThat(figures.found()).isEqualTo(1);
        assertThat(figures.wrong()).isZero();
        assertThat(figures.f1()).isEqualTo(1.0);
    }

    @Test
    void shouldCountAPairWithANeutralItemAsWrongAndAPlaceOutsideTheScopeAsNeither() {
        PairFigures figures = scoreAll(
                new ScoredConflict("IMMIGRATION", List.of("doj"), List.of("stats")),
                new ScoredConflict("IMMIGRATION", List.of("doj"), List.of("wi")));

        assertThat(figures.found()).isZero();
        assertThat(figures.wrong()).isEqualTo(1);
        assertThat(figures.neither()).isEqualTo(1);
        assertThat(figures.precision()).isZero();
        assertThat(figures.recall()).isZero();
    }

    @Test
    void shouldCountAConflictOfADomainTheLabelsDoNotCoverAgainstNothing() {
        PairFigures figures = scoreAll(new ScoredConflict("ELECTIONS", List.of("doj"), List.of("stats")));

        assertThat(figures.conflicts()).isZero();
        assertThat(figures.wrong()).isZero();
        assertThat(figures.recall()).isZero();
    }

    @Test
    void shouldPrintTheSummaryLineOfAPart() {
        PairFigures figures = scoreAll(new ScoredConflict("IMMIGRATION", List.of("doj"), List.of("mn")));

        assertThat(figures.summaryLine()).isEqualTo("pipeline split=all conflicts=1 pairs-required=1 found=1 wrong=0"
                + " neither=0 pair-precision=1.000 pair-recall=1.000 pair-F1=1.000");
    }
}
