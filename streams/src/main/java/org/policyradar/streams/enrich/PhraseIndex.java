package org.policyradar.streams.enrich;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * All phrases of a rule set (actor and role aliases, place names, cue phrases) in one Aho-Corasick automaton,
 * built once. Matching runs on {@link TextFolding folded} text, keeps whole-word matches (and, for exact
 * phrases, matches in the same case), and resolves overlaps by keeping the longest match, then the earliest.
 *
 * <p>The automaton is a {@link Automaton deterministic one over arrays}: the phrase lookup was about a fifth of
 * the enrichment's time with a hash map of boxed characters per state (the {@code ahocorasick} library used
 * before). It reports exactly what that library reported, in the same order (PhraseIndexTest compares both).
 */
final class PhraseIndex {

    /** What a phrase names. */
    enum Category {
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
    record Entry(Category category, Object rule, String phrase, boolean exact) {
    }

    /** A match in the text; {@code end} is exclusive. */
    record Hit(int start, int end, Entry entry) {
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

    /**
     * One occurrence of a phrase in folded text, overlapping ones included; {@code end} is exclusive.
     *
     * @param folded  the phrase, folded
     * @param entries the rules it belongs to
     */
    record Occurrence(int start, int end, String folded, List<Entry> entries) {
    }

    private final Map<String, List<Entry>> phrases;
    private final Automaton automaton;

    private PhraseIndex(Map<String, List<Entry>> phrases) {
        this.phrases = phrases;
        this.automaton = new Automaton(phrases);
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
            Map<String, List<Entry>> phrases = new LinkedHashMap<>();
            byFolded.forEach((folded, entries) -> phrases.put(folded, List.copyOf(entries)));
            return new PhraseIndex(java.util.Collections.unmodifiableMap(phrases));
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
    List<Hit> find(String text, String folded) {
        List<Hit> found = new ArrayList<>();
        automaton.scan(folded, (start, end, phrase) -> {
            if (!onWordBoundaries(folded, start, end)) {
                return;
            }
            for (Entry entry : automaton.entries[phrase]) {
                if (!entry.exact() || text.regionMatches(start, entry.phrase(), 0, entry.phrase().length())) {
                    found.add(new Hit(start, end, entry));
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

    /** The folded phrases and their rules, in the order they were added. */
    Map<String, List<Entry>> phrases() {
        return phrases;
    }

    /**
     * Every occurrence of every phrase in folded text, overlapping ones included, ordered by end, then by phrase
     * ({@link String#compareTo}): the candidates {@link #find} filters.
     */
    List<Occurrence> occurrences(String folded) {
        List<Occurrence> all = new ArrayList<>();
        automaton.scan(folded, (start, end, phrase) -> all.add(new Occurrence(start, end, automaton.phrases[phrase],
                automaton.entries[phrase])));
        return all;
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

    /** Receives one occurrence: {@code end} exclusive, {@code phrase} the phrase's number in the automaton. */
    @FunctionalInterface
    private interface OccurrenceSink {
        void accept(int start, int end, int phrase);
    }

    /**
     * Aho-Corasick automaton with every transition resolved (a DFA), over the characters that occur in some
     * phrase: a character outside them leads back to the start state. Transitions are one {@code int[]}, a row of
     * {@code alphabetSize} per state; each state lists the phrases that end there (its own and those of its
     * suffix states), sorted by {@link String#compareTo} as the library sorted them.
     */
    private static final class Automaton {
        private static final int[] NONE = new int[0];

        final String[] phrases;
        final List<Entry>[] entries;
        /** Character to its column; 0 for characters in no phrase. */
        private final char[] column = new char[Character.MAX_VALUE + 1];
        private final int alphabetSize;
        private final int[] next;
        private final int[][] ending;

        @SuppressWarnings("unchecked")
        Automaton(Map<String, List<Entry>> byFolded) {
            phrases = byFolded.keySet().toArray(String[]::new);
            entries = byFolded.values().toArray(List[]::new);
            int columns = 1;
            for (String phrase : phrases) {
                for (int i = 0; i < phrase.length(); i++) {
                    char c = phrase.charAt(i);
                    if (column[c] == 0) {
                        column[c] = (char) columns++;
                    }
                }
            }
            if (columns > Character.MAX_VALUE) {
                throw new IllegalStateException("too many distinct characters in the phrases: " + columns);
            }
            alphabetSize = columns;

            // the trie: goto[state][column], -1 where there is no edge
            List<int[]> trie = new ArrayList<>();
            List<List<Integer>> own = new ArrayList<>();
            trie.add(emptyRow());
            own.add(new ArrayList<>());
            for (int p = 0; p < phrases.length; p++) {
                int state = 0;
                String phrase = phrases[p];
                for (int i = 0; i < phrase.length(); i++) {
                    int col = column[phrase.charAt(i)];
                    if (trie.get(state)[col] < 0) {
                        trie.get(state)[col] = trie.size();
                        trie.add(emptyRow());
                        own.add(new ArrayList<>());
                    }
                    state = trie.get(state)[col];
                }
                own.get(state).add(p);
            }

            // breadth first: failure links, resolved transitions, outputs including the suffix states'
            int states = trie.size();
            next = new int[states * alphabetSize];
            ending = new int[states][];
            int[] failure = new int[states];
            Map<List<Integer>, int[]> shared = new HashMap<>();
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            ending[0] = endings(own.get(0), NONE, shared);
            for (int col = 0; col < alphabetSize; col++) {
                int child = trie.get(0)[col];
                if (child > 0) {
                    failure[child] = 0;
                    next[col] = child;
                    queue.add(child);
                } else {
                    next[col] = 0;
                }
            }
            while (!queue.isEmpty()) {
                int state = queue.poll();
                ending[state] = endings(own.get(state), ending[failure[state]], shared);
                int row = state * alphabetSize;
                int failureRow = failure[state] * alphabetSize;
                for (int col = 0; col < alphabetSize; col++) {
                    int child = trie.get(state)[col];
                    if (child > 0) {
                        failure[child] = next[failureRow + col];
                        next[row + col] = child;
                        queue.add(child);
                    } else {
                        next[row + col] = next[failureRow + col];
                    }
                }
            }
        }

        private int[] emptyRow() {
            int[] row = new int[alphabetSize];
            Arrays.fill(row, -1);
            return row;
        }

        private int[] endings(List<Integer> ownPhrases, int[] suffixPhrases, Map<List<Integer>, int[]> shared) {
            if (ownPhrases.isEmpty()) {
                return suffixPhrases;
            }
            List<Integer> all = new ArrayList<>(ownPhrases);
            for (int p : suffixPhrases) {
                all.add(p);
            }
            all.sort(Comparator.comparing(p -> phrases[p]));
            return shared.computeIfAbsent(all, list -> list.stream().mapToInt(Integer::intValue).toArray());
        }

        void scan(String folded, OccurrenceSink sink) {
            int state = 0;
            for (int i = 0; i < folded.length(); i++) {
                state = next[state * alphabetSize + column[folded.charAt(i)]];
                for (int phrase : ending[state]) {
                    sink.accept(i + 1 - phrases[phrase].length(), i + 1, phrase);
                }
            }
        }

        int states() {
            return ending.length;
        }

        int alphabetSize() {
            return alphabetSize;
        }
    }
}
