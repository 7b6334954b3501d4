package org.policyradar.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PhraseIndexTest {

    private static final String[] CORPORA = {"seed-news.txt", "eval-news.txt", "patterns-news.txt"};

    private final PhraseIndex index = RuleSet.loadDefault().index();
    private final LibraryPhraseMatcher library = new LibraryPhraseMatcher(index);

    @Test
    void shouldFindEveryOccurrenceTheLibraryFindsInTheTeamCorpora() throws IOException {
        List<String> lines = corpusLines();
        assertThat(lines).hasSizeGreaterThan(100);
        long occurrences = 0;
        for (String line : lines) {
            String folded = TextFolding.fold(line);
            List<PhraseIndex.Occurrence> expected = library.occurrences(folded);
            assertThat(index.occurrences(folded)).as(line).isEqualTo(expected);
            occurrences += expected.size();
        }
        assertThat(occurrences).isGreaterThan(lines.size());
    }

    @Test
    void shouldFindEveryPhraseOfTheRulesLikeTheLibraryWhereverItStands() {
        // every phrase, glued to its neighbours, padded by spaces, in a random order: overlaps and prefixes of all
        // kinds, and characters the phrases never use
        List<String> phrases = new ArrayList<>(index.phrases().keySet());
        java.util.Collections.shuffle(phrases, new Random(14));
        StringBuilder text = new StringBuilder();
        Random random = new Random(41);
        for (String phrase : phrases) {
            text.append(phrase).append(switch (random.nextInt(4)) {
                case 0 -> "";
                case 1 -> " ";
                case 2 -> "\u00e9\u4e2d ";
                default -> ", the ";
            });
        }
        String folded = TextFolding.fold(text.toString());
        List<PhraseIndex.Occurrence> expected = library.occurrences(folded);

        assertThat(index.occurrences(folded)).isEqualTo(expected);
        assertThat(expected.stream().map(PhraseIndex.Occurrence::folded).distinct().count())
                .isEqualTo(phrases.size());
    }

    @Test
    void shouldKeepTheLongestWholeWordMatchesInTextOrder() {
        String text = "Los Angeles County sheriff Robert Luna said the Los Angeles police would not help.";
        List<PhraseIndex.Hit> hits = index.find(text, TextFolding.fold(text));

        assertThat(hits).extracting(PhraseIndex.Hit::start).isSorted();
        assertThat(hits).extracting(hit -> text.substring(hit.start(), hit.end()))
                .contains("Los Angeles County")
                .doesNotContain("Angeles");
    }

    private static List<String> corpusLines() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String corpus : CORPORA) {
            try (InputStream in = PhraseIndexTest.class.getClassLoader().getResourceAsStream("corpus/" + corpus)) {
                assertThat(in).as(corpus).isNotNull();
                new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .filter(line -> !line.isBlank())
                        .forEach(lines::add);
            }
        }
        return lines;
    }
}
