package org.policyradar.streams.enrich;

import java.util.List;
import org.ahocorasick.trie.PayloadTrie;

/**
 * The {@code ahocorasick} library's automaton over the same phrases as a {@link PhraseIndex}: the reference the
 * index's own automaton must agree with, occurrence for occurrence.
 */
final class LibraryPhraseMatcher {

    private final PayloadTrie<List<PhraseIndex.Entry>> trie;

    LibraryPhraseMatcher(PhraseIndex index) {
        PayloadTrie.PayloadTrieBuilder<List<PhraseIndex.Entry>> builder = PayloadTrie.builder();
        index.phrases().forEach(builder::addKeyword);
        this.trie = builder.build();
    }

    /** What the library reports, as the index reports it: end exclusive. */
    List<PhraseIndex.Occurrence> occurrences(String folded) {
        return trie.parseText(folded).stream()
                .map(emit -> new PhraseIndex.Occurrence(emit.getStart(), emit.getEnd() + 1, emit.getKeyword(),
                        emit.getPayload()))
                .toList();
    }
}
