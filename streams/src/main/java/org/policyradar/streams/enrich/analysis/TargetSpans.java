package org.policyradar.streams.enrich.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policyradar.streams.enrich.CueKind;
import org.policyradar.streams.enrich.PhraseIndex.Hit;
import org.policyradar.streams.enrich.RuleSet;
import org.policyradar.streams.enrich.Segmenter;
import org.policyradar.streams.enrich.Segmenter.Clause;
import org.policyradar.streams.enrich.Segmenter.Sentence;

/**
 * The phrases of one text that name whom a federal action is aimed at ("any official who defies...", "state and
 * local officials"): TARGET cues and the rules' relative-target patterns. Whatever lies inside one is a target,
 * never an agent.
 */
final class TargetSpans {

    private final String folded;
    private final List<Sentence> sentences;
    private final List<Span> spans;

    TargetSpans(RuleSet rules, String folded, List<Hit> cues, List<Sentence> sentences) {
        this.folded = folded;
        this.sentences = sentences;
        this.spans = find(rules, cues);
    }

    private List<Span> find(RuleSet rules, List<Hit> cues) {
        List<Span> found = new ArrayList<>();
        for (Hit hit : cues) {
            if (TextFacts.cue(hit).kind() == CueKind.TARGET) {
                found.add(toClauseEndIfRelative(hit.start(), hit.end()));
            }
        }
        // every pattern begins with \b and a letter, so trying it at word starts only finds what find() finds
        int[] wordStarts = wordStarts();
        for (Pattern pattern : rules.relativeTargets()) {
            Matcher m = pattern.matcher(folded).useTransparentBounds(true);
            int next = 0;
            for (int start : wordStarts) {
                if (start < next) {
                    continue;
                }
                m.region(start, folded.length());
                if (m.lookingAt()) {
                    found.add(toClauseEndIfRelative(m.start(), m.end()));
                    next = Math.max(m.end(), start + 1);
                }
            }
        }
        found.sort(Comparator.comparingInt(Span::start));
        return List.copyOf(found);
    }

    /**
     * Offsets of letters after a character that is no ASCII word character: every place where {@code \\b} and a
     * letter can match (a superset whichever definition of {@code \\b} the JDK uses; lookingAt checks it exactly).
     */
    private int[] wordStarts() {
        int[] starts = new int[folded.length()];
        int n = 0;
        for (int i = 0; i < folded.length(); i++) {
            if (Character.isLetter(folded.charAt(i)) && (i == 0 || !isRegexWordChar(folded.charAt(i - 1)))) {
                starts[n++] = i;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    private static boolean isRegexWordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    /** "officials who defy the order": a target ending in a relative pronoun reaches to its clause's end. */
    private Span toClauseEndIfRelative(int start, int end) {
        String match = folded.substring(start, end).strip();
        boolean relative = match.endsWith(" who") || match.endsWith(" that") || match.endsWith(" which")
                || folded.startsWith(" who ", end) || folded.startsWith(" that ", end);
        if (!relative) {
            return new Span(start, end);
        }
        Clause clause = Segmenter.clauseAt(sentences, start);
        int clauseEnd = clause == null ? end : clause.end();
        int comma = folded.indexOf(',', end);
        return new Span(start, comma > 0 && comma < clauseEnd ? comma : clauseEnd);
    }

    boolean contains(int offset) {
        for (Span span : spans) {
            if (span.contains(offset)) {
                return true;
            }
        }
        return false;
    }

    /** The first target that starts in {@code [from, to)}, or null. */
    Span firstIn(int from, int to) {
        for (Span span : spans) {
            if (span.start() >= from && span.start() < to) {
                return span;
            }
        }
        return null;
    }
}
