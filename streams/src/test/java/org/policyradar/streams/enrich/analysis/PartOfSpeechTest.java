package org.policyradar.streams.enrich.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What the tags of a clause decide for a noun-or-verb cue word, with the bundled model. */
class PartOfSpeechTest {

    private static final List<String> NOUN_OR_VERB = List.of("arrests", "raids", "sweep");

    private static Boolean nounAt(String clause, String word) {
        return PartOfSpeech.isNoun(clause, 0, clause.length(), clause.indexOf(word), NOUN_OR_VERB);
    }

    @Test
    void shouldReadTheCueAsANounWhenTheClauseHasAPredicateOfItsOwn() {
        assertThat(nounAt("ICE arrests in Tulsa County rose by a third last year.", "arrests")).isTrue();
        assertThat(nounAt("Protesters rallied against Border Patrol raids in Omaha.", "raids")).isTrue();
    }

    @Test
    void shouldReadTheCueAsAVerbWhenItIsTheOnlyPredicateAfterAName() {
        assertThat(nounAt("Border Patrol raids a farm outside Omaha.", "raids")).isFalse();
        assertThat(nounAt("The agency raids a meatpacking plant in Nebraska.", "raids")).isFalse();
    }

    @Test
    void shouldNotCountAnInfinitiveOrAnotherNounOrVerbWordAsThePredicate() {
        assertThat(nounAt("ICE arrests 40 people in a Tulsa County sweep.", "arrests")).isFalse();
        assertThat(nounAt("ICE arrests dozens to fill new jail beds.", "arrests")).isFalse();
    }

    @Test
    void shouldTagTheSameWayFromSeveralThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = pool.invokeAll(List.of(
                    () -> nounAt("ICE arrests in Tulsa County rose by a third last year.", "arrests"),
                    () -> nounAt("Border Patrol raids a farm outside Omaha.", "raids"),
                    () -> nounAt("ICE arrests in Tulsa County rose by a third last year.", "arrests"),
                    () -> nounAt("Border Patrol raids a farm outside Omaha.", "raids")));

            assertThat(results.get(0).get()).isTrue();
            assertThat(results.get(1).get()).isFalse();
            assertThat(results.get(2).get()).isTrue();
            assertThat(results.get(3).get()).isFalse();
        } finally {
            pool.shutdownNow();
        }
    }
}
