package org.policyradar.streams.enrich;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * All phrases of a rule set (actor and role aliases, place names, cue phrases) in one Aho-Corasick automaton,
 * built once. The automaton is a double-array trie (transitions are two array reads per character, not a hash
 * lookup of a boxed character): every item passes through it two or three times, and it was the largest single
 * cost of the enrichment. Matching runs on {@link TextFolding folded} text, keeps whole-word matches (and, for exact
 * phrases, matches in the same case), and resolves overlaps by keeping the longest match, then the earliest.
 */
public final class PhraseIndex {

    /** What a phrase names. */
    public enum Category {
        ACTOR, ROLE, PLACE, DEMONYM, CUE;

        /** Entities win a tie of length against cues. */
        int priority() {
            return this == CUE ? 1 : 0;
        }
    }

    /**
     * One rule a phrase belongs to.
     *
     * @param category what the phrase names
     * @param rule     the rule: an ActorDef, RoleDef, Gazetteer.Place or CueDef
     * @param phrase   the phrase as written in the rules
     * @param exact    whether it must match in the same case
     */
    public record Entry(Category category, Object rule, String phrase, boolean exact) {
    }

    /** A match in the text; {@code end} is exclusive. */
    public record Hit(int start, int end, Entry entry) {
        int length() {
            return end - start;
        }

        boolean overlaps(int otherStart, int otherEnd) {
            return start < otherEnd && otherStart < end;
        }

        boolean within(int from, int to) {
            return start >= from && end <= to;
        }
    }

    private final AhoCorasickDoubleArrayTrie<List<Entry>> trie;

    private PhraseIndex(AhoCorasickDoubleArrayTrie<List<Entry>> trie) {
        this.trie = trie;
    }

    /** Collects phrases, rejecting one that two rules of the same category claim. */
    static final class Builder {
        private final Map<String, List<Entry>> byFolded = new LinkedHashMap<>();

        /**
         * @param owner a description of the rule for error messages, e.g. "places.json: place US-CA-STOCKTON"
         */
        Builder add(Category category, Object rule, String phrase, boolean exact, String owner) {
            if (phrase == null || phrase.isBlank()) {
                throw new RuleSetException(owner + " has an empty phrase");
            }
            String folded = TextFolding.fold(phrase.strip());
            List<Entry> entries = byFolded.computeIfAbsent(folded, k -> new ArrayList<>());
            for (Entry existing : entries) {
                if (existing.category() == category && existing.exact() == exact && !existing.rule().equals(rule)) {
                    throw new RuleSetException(owner + ": phrase '" + phrase + "' is already claimed by "
                            + describe(existing.rule()));
                }
                if (existing.category() == category && existing.rule().equals(rule) && existing.exact() == exact) {
                    return this;
                }
            }
            entries.add(new Entry(category, rule, phrase.strip(), exact));
            return this;
        }

        PhraseIndex build() {
            Map<String, List<Entry>> keywords = new TreeMap<>();
            byFolded.forEach((folded, entries) -> keywords.put(folded, List.copyOf(entries)));
            AhoCorasickDoubleArrayTrie<List<Entry>> trie = new AhoCorasickDoubleArrayTrie<>();
            trie.build(keywords);
            return new PhraseIndex(trie);
        }

        private static String describe(Object rule) {
            if (rule instanceof RuleFiles.ActorDef actor) {
                return "actor " + actor.id();
            }
            if (rule instanceof RuleFiles.RoleDef role) {
                return "role " + role.role();
            }
            if (rule instanceof Gazetteer.Place place) {
                return "place " + place.code();
            }
            if (rule instanceof RuleFiles.CueDef cue) {
                return "cue " + cue.id();
            }
            return String.valueOf(rule);
        }
    }

    /** Whole-word, case-checked, overlap-free matches in text order. */
    public List<Hit> find(String text, String folded) {
        List<Hit> found = new ArrayList<>();
        trie.parseText(folded, (start, end, entries) -> {
            if (onWordBoundaries(folded, start, end)) {
                for (Entry entry : entries) {
                    if (!entry.exact() || text.regionMatches(start, entry.phrase(), 0, entry.phrase().length())) {
                        found.add(new Hit(start, end, entry));
                    }
                }
            }
        });
        List<Hit> candidates = trimRolesOverlappingPlaces(found, folded);
        candidates.sort(Comparator.comparingInt(Hit::length).reversed()
                .thenComparingInt(Hit::start)
                .thenComparingInt(h -> h.entry().category().priority())
                .thenComparing(h -> h.entry().phrase()));
        BitSet taken = new BitSet(text.length());
        List<Hit> kept = new ArrayList<>();
        for (Hit hit : candidates) {
            if (taken.get(hit.start(), hit.end()).isEmpty()) {
                taken.set(hit.start(), hit.end());
                kept.add(hit);
            }
        }
        kept.sort(Comparator.comparingInt(Hit::start));
        return kept;
    }

    /**
     * "Travis County commissioners": the role alias "county commissioners" starts inside the place "Travis County";
     * keep both, the role starting after the place.
     */
    private static List<Hit> trimRolesOverlappingPlaces(List<Hit> candidates, String folded) {
        List<Hit> result = new ArrayList<>(candidates.size());
        for (Hit hit : candidates) {
            Hit trimmed = hit;
            if (hit.entry().category() == Category.ROLE) {
                for (Hit place : candidates) {
                    if (place.entry().category() == Category.PLACE && place.start() < hit.start()
                            && hit.start() < place.end() && place.end() < hit.end()) {
                        int start = place.end();
                        while (start < hit.end() && folded.charAt(start) == ' ') {
                            start++;
                        }
                        trimmed = new Hit(start, hit.end(), hit.entry());
                    }
                }
            }
            result.add(trimmed);
        }
        return result;
    }

    private static boolean onWordBoundaries(String folded, int start, int end) {
        boolean startsWithWordChar = TextFolding.isWordChar(folded.charAt(start));
        boolean endsWithWordChar = TextFolding.isWordChar(folded.charAt(end - 1));
        if (startsWithWordChar && start > 0 && TextFolding.isWordChar(folded.charAt(start - 1))) {
            return false;
        }
        return !(endsWithWordChar && end < folded.length() && TextFolding.isWordChar(folded.charAt(end)));
    }
}
