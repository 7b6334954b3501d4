package org.policyradar.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.policyradar.streams.enrich.PhraseIndex.Category;
import org.policyradar.streams.enrich.PhraseIndex.Hit;

class PhraseIndexTest {

    private static List<String> found(PhraseIndex index, String text) {
        return index.find(text, TextFolding.fold(text)).stream()
                .map(hit -> hit.entry().phrase() + "@" + hit.start())
                .toList();
    }

    @Test
    void shouldKeepTheLongestMatchWhenPhrasesOverlap() {
        PhraseIndex index = new PhraseIndex.Builder()
                .add(Category.CUE, "refuse", "refuse", false, "test")
                .add(Category.CUE, "refuse-to-honor", "refuse to honor", false, "test")
                .add(Category.CUE, "honor-detainers", "honor detainers", false, "test")
                .build();

        assertThat(found(index, "Counties refuse to honor detainers.")).containsExactly("refuse to honor@9");
    }

    @Test
    void shouldMatchWholeWordsOnly() {
        PhraseIndex index = new PhraseIndex.Builder()
                .add(Category.ACTOR, "ice", "ICE", false, "test")
                .build();

        assertThat(found(index, "Police said the ice rink and the office were closed")).containsExactly("ICE@16");
        assertThat(found(index, "ICE agents arrived; justice followed")).containsExactly("ICE@0");
    }

    @Test
    void shouldMatchAnExactPhraseOnlyInItsOwnCase() {
        PhraseIndex index = new PhraseIndex.Builder()
                .add(Category.ACTOR, "us", "US", true, "test")
                .build();

        assertThat(found(index, "The US told us nothing")).containsExactly("US@4");
    }

    @Test
    void shouldStartARoleAfterThePlaceItBeginsInside() {
        PhraseIndex index = new PhraseIndex.Builder()
                .add(Category.PLACE, "travis", "Travis County", false, "test")
                .add(Category.ROLE, "commissioners", "county commissioners", false, "test")
                .build();

        List<Hit> hits = index.find("Travis County commissioners voted",
                TextFolding.fold("Travis County commissioners voted"));

        assertThat(hits).extracting(hit -> hit.entry().phrase() + "@" + hit.start() + "-" + hit.end())
                .containsExactly("Travis County@0-13", "county commissioners@14-27");
    }

    @Test
    void shouldReturnHitsInTextOrderAndFindNothingWithoutPhrases() {
        PhraseIndex index = new PhraseIndex.Builder()
                .add(Category.PLACE, "denver", "Denver", false, "test")
                .add(Category.PLACE, "chicago", "Chicago", false, "test")
                .build();

        assertThat(found(index, "Chicago and Denver")).containsExactly("Chicago@0", "Denver@12");
        assertThat(found(new PhraseIndex.Builder().build(), "Chicago and Denver")).isEmpty();
    }

    @Test
    void shouldRefuseAPhraseTwoRulesOfOneCategoryClaim() {
        PhraseIndex.Builder builder = new PhraseIndex.Builder()
                .add(Category.PLACE, "portland-or", "Portland", false, "places.json: place US-OR-PORTLAND");

        assertThatThrownBy(() -> builder.add(Category.PLACE, "portland-me", "Portland", false,
                "places.json: place US-ME-PORTLAND"))
                .isInstanceOf(RuleSetException.class)
                .hasMessageContaining("already claimed");
    }
}
