package org.policyradar.streams.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.ahocorasick.trie.PayloadTrie;
import org.junit.jupiter.api.Test;
import org.policyradar.app.bench.SyntheticNews;

/**
 * The phrase automaton against the {@code ahocorasick} library it replaced, on the synthetic news every benchmark
 * uses (the team corpora are compared in the streams module's PhraseIndexTest). In this package because the index
 * is package-private to the enrichment.
 */
class PhraseIndexSyntheticNewsTest {

    private static final int ITEMS = 3_000;

    @Test
    void shouldFindEveryOccurrenceTheLibraryFindsInTheSyntheticNews() {
        PhraseIndex index = RuleSet.loadDefault().index();
        PayloadTrie.PayloadTrieBuilder<List<PhraseIndex.Entry>> builder = PayloadTrie.builder();
        index.phrases().forEach(builder::addKeyword);
        PayloadTrie<List<PhraseIndex.Entry>> library = builder.build();
        SyntheticNews news = new SyntheticNews(20250203L, "item", Instant.parse("2025-01-06T09:00:00Z"),
                Duration.ofMinutes(1));

        long occurrences = 0;
        for (int i = 0; i < ITEMS; i++) {
            SyntheticNews.Article article = news.next();
            for (String text : List.of(article.headline(), article.text(), article.headline() + "\n" + article.text())) {
                String folded = TextFolding.fold(text);
                List<PhraseIndex.Occurrence> expected = library.parseText(folded).stream()
                        .map(emit -> new PhraseIndex.Occurrence(emit.getStart(), emit.getEnd() + 1,
                                emit.getKeyword(), emit.getPayload()))
                        .toList();
                assertThat(index.occurrences(folded)).as(article.id()).isEqualTo(expected);
                occurrences += expected.size();
            }
        }
        assertThat(occurrences).isGreaterThan(10L * ITEMS);
    }
}
