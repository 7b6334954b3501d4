package org.policyradar.streams.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Splits a text into sentences, and sentences into clauses: main clauses, and subordinate ones (introduced by
 * "after", "amid", "despite"...) whose positions are background to the main news. Offsets are into the text.
 */
public final class Segmenter {

    /** A clause: [start, end) of the text. */
    public record Clause(int sentence, int start, int end, boolean subordinate) {
        public boolean contains(int offset) {
            return offset >= start && offset < end;
        }
    }

    /** A sentence: [start, end) of the text and its clauses in order. */
    public record Sentence(int index, int start, int end, List<Clause> clauses) {
        public boolean contains(int offset) {
            return offset >= start && offset < end;
        }
    }

    /** The clause of {@code sentences} that holds {@code offset}, or null when none does. */
    public static Clause clauseAt(List<Sentence> sentences, int offset) {
        for (Sentence sentence : sentences) {
            for (Clause clause : sentence.clauses()) {
                if (clause.contains(offset)) {
                    return clause;
                }
            }
        }
        return null;
    }

    private final Set<String> abbreviations;
    private final List<String> coordinators;
    private final List<String> subordinators;
    private final List<String> leadSubordinators;
    private final int leadSubordinatorWords;
    private final List<String> firstWordSubordinators;

    /** The splitter of the given rules' segmentation. */
    public Segmenter(RuleSet rules) {
        RuleFiles.Segmentation segmentation = rules.segmentation();
        this.abbreviations = rules.abbreviations();
        this.coordinators = segmentation.coordinators().stream().map(TextFolding::fold).toList();
        this.subordinators = segmentation.subordinators().stream().map(TextFolding::fold).toList();
        this.leadSubordinators = segmentation.leadSubordinators().stream().map(TextFolding::fold).toList();
        this.leadSubordinatorWords = segmentation.leadSubordinatorWords();
        this.firstWordSubordinators = segmentation.firstWordSubordinators().stream().map(TextFolding::fold).toList();
    }

    public List<Sentence> split(String text, String folded) {
        List<Sentence> sentences = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            int boundary = -1;
            if (c == '\n') {
                boundary = i;
            } else if (c == '.' || c == '!' || c == '?') {
                int j = i + 1;
                while (j < n && isClosing(text.charAt(j))) {
                    j++;
                }
                if (j >= n) {
                    boundary = n;
                } else if (Character.isWhitespace(text.charAt(j))) {
                    int k = j;
                    while (k < n && Character.isWhitespace(text.charAt(k))) {
                        k++;
                    }
                    if (k < n && startsSentence(text.charAt(k)) && !(c == '.' && isAbbreviation(folded, i))) {
                        boundary = j;
                    }
                }
            }
            if (boundary >= 0) {
                addSentence(sentences, text, folded, start, boundary);
                start = boundary;
                i = Math.max(i, boundary - 1);
            }
        }
        addSentence(sentences, text, folded, start, n);
        return sentences;
    }

    private void addSentence(List<Sentence> sentences, String text, String folded, int from, int to) {
        int s = from;
        int e = to;
        while (s < e && Character.isWhitespace(text.charAt(s))) {
            s++;
        }
        while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (e <= s) {
            return;
        }
        int index = sentences.size();
        sentences.add(new Sentence(index, s, e, clauses(index, folded, s, e)));
    }

    private static boolean isClosing(char c) {
        return c == '"' || c == '\'' || c == ')' || c == '\u201D' || c == '\u2019' || c == ']';
    }

    private static boolean startsSentence(char c) {
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '\u201C' || c == '\''
                || c == '\u2018' || c == '(' || c == '[';
    }

    /** The token ending with the period at {@code dot} is an abbreviation ("Gov.", "N.Y.", "J.") rather than an end. */
    private boolean isAbbreviation(String folded, int dot) {
        int start = dot;
        while (start > 0 && !Character.isWhitespace(folded.charAt(start - 1))) {
            start--;
        }
        String token = folded.substring(start, dot + 1);
        while (!token.isEmpty() && (token.charAt(0) == '(' || token.charAt(0) == '"' || token.charAt(0) == '\'')) {
            token = token.substring(1);
        }
        if (abbreviations.contains(token)) {
            return true;
        }
        // an initial ("J.") or a dotted acronym ("U.S.", "D.C.")
        if (token.length() == 2 && Character.isLetter(token.charAt(0))) {
            return true;
        }
        return token.length() > 2 && token.substring(0, token.length() - 1).indexOf('.') >= 0
                && token.chars().filter(Character::isLetter).count() <= 4;
    }

    private List<Clause> clauses(int sentence, String folded, int start, int end) {
        String s = folded.substring(start, end);
        TreeMap<Integer, Boolean> cuts = new TreeMap<>();
        cuts.put(0, false);
        int leadComma = leadSubordinateEnd(s);
        if (leadComma > 0) {
            cuts.put(0, true);
            cuts.put(leadComma + 1, false);
        }
        for (String marker : coordinators) {
            for (int p = s.indexOf(marker); p >= 0; p = s.indexOf(marker, p + 1)) {
                if (p > 0) {
                    cuts.put(p, false);
                }
            }
        }
        for (String marker : subordinators) {
            for (int p = s.indexOf(marker); p >= 0; p = s.indexOf(marker, p + 1)) {
                if (p <= 0 || (leadComma > 0 && p < leadComma)) {
                    continue;
                }
                cuts.put(p, true);
                int comma = s.indexOf(',', p + marker.length());
                if (comma > 0 && comma + 1 < s.length()) {
                    cuts.putIfAbsent(comma + 1, false);
                }
            }
        }
        List<Clause> clauses = new ArrayList<>();
        List<Map.Entry<Integer, Boolean>> entries = new ArrayList<>(cuts.entrySet());
        for (int i = 0; i < entries.size(); i++) {
            int from = start + entries.get(i).getKey();
            int to = i + 1 < entries.size() ? start + entries.get(i + 1).getKey() : end;
            if (to > from) {
                clauses.add(new Clause(sentence, from, to, entries.get(i).getValue()));
            }
        }
        return clauses;
    }

    /** Offset of the comma closing a sentence-initial subordinate clause ("Just a day after X did Y, ..."), or -1. */
    private int leadSubordinateEnd(String s) {
        int comma = s.indexOf(',');
        if (comma < 0) {
            return -1;
        }
        String head = s.substring(0, comma);
        String[] words = head.strip().split("\\s+");
        if (words.length == 0) {
            return -1;
        }
        if (firstWordSubordinators.contains(words[0])) {
            return comma;
        }
        String lead = " " + String.join(" ", java.util.Arrays.copyOf(words, Math.min(words.length,
                leadSubordinatorWords))) + " ";
        for (String marker : leadSubordinators) {
            if (lead.contains(" " + marker + " ")) {
                return comma;
            }
        }
        return -1;
    }
}
