package org.policyradar.streams.evaluate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.policyradar.streams.enrich.RuleSet;

/**
 * The evaluation on the team's own corpora (written for the project, never taken from articles) and on small
 * corpora built here whose every figure can be worked out by hand.
 */
class EvaluationTest {

    private static Evaluation evaluation;

    @BeforeAll
    static void rules() {
        evaluation = new Evaluation(RuleSet.loadDefault());
    }

    private static Evaluation.Result evaluate(String news, String labels) throws IOException {
        LabelFile labelFile = LabelFile.read(new ByteArrayInputStream(labels.getBytes(StandardCharsets.UTF_8)));
        return evaluation.run(CorpusReader.read(news, labelFile.items()), labelFile, HoldoutSplit.ALL);
    }

    private static Evaluation.Result evaluateResources(String news, String labels) throws IOException {
        try (InputStream text = resource(news); InputStream label = resource(labels)) {
            LabelFile labelFile = LabelFile.read(label);
            List<CorpusItem> corpus = CorpusReader.read(new String(text.readAllBytes(), StandardCharsets.UTF_8),
                    labelFile.items());
            return evaluation.run(corpus, labelFile, HoldoutSplit.ALL);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = EvaluationTest.class.getClassLoader().getResourceAsStream("corpus/" + name);
        assertThat(in).as("test resource corpus/%s", name).isNotNull();
        return in;
    }

    @Test
    void shouldFindTheTenSeedPairsAndNoWrongOne() throws IOException {
        Figures figures = evaluateResources("seed-news.txt", "seed-labels.json").figures();

        assertThat(figures.requiredPairs()).isEqualTo(10);
        assertThat(figures.foundRequired()).isEqualTo(10);
        assertThat(figures.wrongPairs()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"eval-news.txt, eval-labels.json", "patterns-news.txt, patterns-labels.json"})
    void shouldScoreTheTeamCorpusAtLeast095(String news, String labels) throws IOException {
        Evaluation.Result result = evaluateResources(news, labels);
        Figures figures = result.figures();

        assertThat(figures.pairPrecision()).as("%s, errors %s", figures.summaryLine(), result.errors())
                .isGreaterThanOrEqualTo(0.95);
        assertThat(figures.pairRecall()).as("%s, errors %s", figures.summaryLine(), result.errors())
                .isGreaterThanOrEqualTo(0.95);
        assertThat(figures.sidePrecision().get("PRESS").value()).isGreaterThanOrEqualTo(0.95);
        assertThat(figures.sidePrecision().get("RESIST").value()).isGreaterThanOrEqualTo(0.95);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"CRIME_DEPLOYMENT, 4", "EDUCATION, 72", "TRANSGENDER_POLICY, 90", "PUBLIC_HEALTH, 522",
            "CLIMATE_ENERGY, 10", "ELECTIONS, 12", "TARIFFS_TRADE, 6"})
    void shouldScoreEachPackOnItsOwnPartOfTheTeamCorpus(String domain, int required) throws IOException {
        Evaluation.Result result = evaluateResources("packs-news.txt", "packs-labels.json");
        Figures figures = result.perDomain().stream().filter(f -> domain.equals(f.domain())).findFirst().orElseThrow();

        assertThat(result.perDomain()).hasSize(7);
        assertThat(figures.requiredPairs()).isEqualTo(required);
        assertThat(figures.pairPrecision()).as("%s, errors %s", figures.summaryLine(), result.errors()).isEqualTo(1.0);
        assertThat(figures.pairRecall()).as("%s, errors %s", figures.summaryLine(), result.errors()).isEqualTo(1.0);
        assertThat(figures.side().value()).as(figures.summaryLine()).isEqualTo(1.0);
        assertThat(figures.summaryLine()).contains(" domain=" + domain + " ");
    }

    @Test
    void shouldCountAPositionOfAnotherDomainAgainstNeitherSet() throws IOException {
        // an immigration set: the voter-roll refusal is NEUTRAL there, and an ELECTIONS position of the rules
        Evaluation.Result result = evaluate("""
                The Justice Department sued Denver over its sanctuary ordinance that limits cooperation with ICE.
                Denver's mayor said city police will not help ICE agents with arrests.
                Oregon's secretary of state refused to turn over the voter rolls to the Justice Department.
                """, """
                {"items": {
                  "a": {"line": 1, "cluster": "c1", "side": "PRESS", "topic": "COOPERATION", "scope": ["Denver"]},
                  "b": {"line": 2, "cluster": "c2", "side": "RESIST", "topic": "COOPERATION", "jur": ["Denver", "CO"]},
                  "c": {"line": 3, "cluster": "c3", "side": "NEUTRAL"}
                }}
                """);

        assertThat(result.perDomain()).extracting(Figures::domain).containsExactly("IMMIGRATION");
        assertThat(result.figures().side()).isEqualTo(new Ratio(3, 3));
        assertThat(result.figures().wrongPairs()).isZero();
        assertThat(result.figures().pairF1()).isEqualTo(1.0);
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void shouldCountAPositionOfAnotherCoveredDomainAsAnError() throws IOException {
        // both domains are labelled here: an ELECTIONS position on an item labelled in EDUCATION is wrong
        Evaluation.Result result = evaluate("""
                The Education Department threatened to withhold federal funding from school districts that keep DEI programs.
                Oregon's secretary of state refused to turn over the voter rolls to the Justice Department.
                The Justice Department demanded that every state hand over its full voter rolls.
                """, """
                {"items": {
                  "a": {"line": 1, "cluster": "c1", "side": "PRESS", "topic": "OTHER:EDUCATION", "scope": "NATIONWIDE"},
                  "b": {"line": 2, "cluster": "c2", "side": "NEUTRAL", "topic": "OTHER:EDUCATION"},
                  "c": {"line": 3, "cluster": "c3", "side": "PRESS", "topic": "OTHER:ELECTIONS", "scope": "NATIONWIDE"}
                }}
                """);

        Figures elections = result.perDomain().stream().filter(f -> "ELECTIONS".equals(f.domain())).findFirst()
                .orElseThrow();
        assertThat(result.perDomain()).extracting(Figures::domain).containsExactly("EDUCATION", "ELECTIONS");
        assertThat(elections.items()).isEqualTo(2);
        assertThat(elections.side()).isEqualTo(new Ratio(1, 2));
        assertThat(elections.wrongPairs()).isEqualTo(1);
        assertThat(result.errors()).anySatisfy(e -> assertThat(e).startsWith("ELECTIONS ITEM b: labelled NEUTRAL"));
    }

    @Test
    void shouldCountARequiredPairFoundAndScoreEveryItem() throws IOException {
        Evaluation.Result result = evaluate("""
                The Justice Department sued Denver over its sanctuary ordinance that limits cooperation with ICE.
                Denver's mayor said city police will not help ICE agents with arrests.
                """, """
                {"items": {
                  "a": {"line": 1, "cluster": "c1", "side": "PRESS", "topic": "COOPERATION", "scope": ["Denver"]},
                  "b": {"line": 2, "cluster": "c2", "side": "RESIST", "topic": "COOPERATION", "jur": ["Denver", "CO"]}
                }}
                """);
        Figures figures = result.figures();

        assertThat(figures.items()).isEqualTo(2);
        assertThat(figures.requiredPairs()).isEqualTo(1);
        assertThat(figures.foundRequired()).isEqualTo(1);
        assertThat(figures.wrongPairs()).isZero();
        assertThat(figures.pairF1()).isEqualTo(1.0);
        assertThat(figures.side()).isEqualTo(new Ratio(2, 2));
        assertThat(figures.place()).isEqualTo(new Ratio(2, 2));
        assertThat(result.errors()).isEmpty();
    }

    @Test
    void shouldListAWrongPairWithTheStancePhrasesThatMadeIt() throws IOException {
        Evaluation.Result result = evaluate("""
                The Justice Department sued Denver over its sanctuary ordinance that limits cooperation with ICE.
                Denver's mayor said city police will not help ICE agents with arrests.
                """, """
                {"items": {
                  "a": {"line": 1, "cluster": "c1", "side": "PRESS", "topic": "COOPERATION", "scope": ["Denver"]},
                  "b": {"line": 2, "cluster": "c2", "side": "ALIGNED", "topic": "COOPERATION", "jur": ["Denver", "CO"]}
                }}
                """);

        assertThat(result.figures().wrongPairs()).isEqualTo(1);
        assertThat(result.figures().pairPrecision()).isZero();
        assertThat(result.errors()).anySatisfy(e -> assertThat(e).startsWith("FALSE PAIR c1xc2")
                .contains("stance 'sued'").contains("stance 'will not help'"));
        assertThat(result.errors()).anySatisfy(e -> assertThat(e).startsWith("ITEM b: labelled ALIGNED"));
    }

    @Test
    void shouldListAMissedPairWithWhatTheRulesFoundInBothItems() throws IOException {
        Evaluation.Result result = evaluate("""
                The Justice Department sued Denver over its sanctuary ordinance that limits cooperation with ICE.
                Denver's mayor spoke about the weather on Tuesday.
                """, """
                {"items": {
                  "a": {"line": 1, "cluster": "c1", "side": "PRESS", "topic": "COOPERATION", "scope": ["Denver"]},
                  "b": {"line": 2, "cluster": "c2", "side": "RESIST", "topic": "COOPERATION", "jur": ["Denver", "CO"]}
                }}
                """);

        assertThat(result.figures().requiredPairs()).isEqualTo(1);
        assertThat(result.figures().foundRequired()).isZero();
        assertThat(result.figures().pairRecall()).isZero();
        assertThat(result.errors()).anySatisfy(e -> assertThat(e).startsWith("MISSED PAIR c1xc2")
                .contains("(no position)"));
    }

    @Test
    void shouldCountNeitherWayAPairOnlyAnAlsoPositionExplains() throws IOException {
        Evaluation.Result result = evaluate("""
                The Justice Department sued Denver over its sanctuary ordinance that limits cooperation with ICE.
                Denver's mayor said city police will not help ICE agents with arrests.
                """, """
                {"items": {
                  "a": {"line": 1, "cluster": "c1", "side": "PRESS", "topic": "COOPERATION", "scope": ["Denver"]},
                  "b": {"line": 2, "cluster": "c2", "side": "NEUTRAL",
                        "also": [{"side": "RESIST", "topic": "COOPERATION", "jur": ["Denver", "CO"]}]}
                }}
                """);

        assertThat(result.figures().requiredPairs()).isZero();
        assertThat(result.figures().wrongPairs()).isZero();
        assertThat(result.figures().neitherPairs()).isEqualTo(1);
    }
}
