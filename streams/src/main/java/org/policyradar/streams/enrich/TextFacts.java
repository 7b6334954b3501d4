package org.policyradar.streams.enrich;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policyradar.avro.Evidence;
import org.policyradar.avro.EvidenceField;
import org.policyradar.streams.enrich.Mentions.ActorMention;
import org.policyradar.streams.enrich.Mentions.PlaceMention;
import org.policyradar.streams.enrich.PhraseIndex.Hit;
import org.policyradar.streams.enrich.Segmenter.Clause;
import org.policyradar.streams.enrich.Segmenter.Sentence;

/**
 * What one text contains, found once: its cue and actor hits, sentences and clauses, places, actors, and the
 * spans that name whom a federal action is aimed at; with the queries the reading of stances asks of them
 * (cues in a span, the subject of a clause, the actor nearest a cue, whether a negation reaches a cue, whether
 * a cue is used as a noun).
 */
final class TextFacts {

    final RuleSet rules;
    final String text;
    final String folded;
    final List<Hit> hits;
    final List<Hit> cues;
    final List<Sentence> sentences;
    final List<PlaceMention> places;
    final List<ActorMention> actors;
    final List<int[]> targetSpans;
    final RuleFiles.Scoring scoring;
    final RuleFiles.Grammar grammar;

    TextFacts(RuleSet rules, Segmenter segmenter, ActorResolver resolver, String text) {
        this.rules = rules;
        this.text = text;
        this.folded = TextFolding.fold(text);
        this.hits = rules.index().find(text, folded);
        this.cues = hits.stream().filter(h -> h.entry().category() == PhraseIndex.Category.CUE).toList();
        this.sentences = segmenter.split(text, folded);
        this.places = resolver.places(text, hits);
        this.targetSpans = targetSpans();
        this.actors = resolver.actors(text, folded, hits, places, sentences).stream()
                .map(a -> a.inTarget(inTarget(a.start())))
                .toList();
        this.scoring = rules.scoring();
        this.grammar = rules.grammar();
    }

    // ---------------------------------------------------------------- context and targets

    boolean hasContext() {
        // a domain pack reads only the items its gate let through: the gate was its context test
        if (rules.gatedByPack()) {
            return true;
        }
        boolean generic = false;
        boolean cooperation = false;
        for (Hit hit : cues) {
            RuleFiles.CueDef cue = cue(hit);
            if (cue.context()) {
                return true;
            }
            generic |= cue.kind() == CueKind.TARGET;
            cooperation |= cue.kind() == CueKind.COOPERATE || cue.kind() == CueKind.THREAT;
        }
        return actors.stream().anyMatch(ActorMention::context) || (generic && cooperation);
    }

    /** Phrases that name whom a federal action is aimed at: "any official who defies...", "state and local officials". */
    List<int[]> targetSpans() {
        List<int[]> spans = new ArrayList<>();
        for (Hit hit : cues) {
            if (cue(hit).kind() == CueKind.TARGET) {
                spans.add(spanToClauseEndIfRelative(hit.start(), hit.end()));
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
                    spans.add(spanToClauseEndIfRelative(m.start(), m.end()));
                    next = Math.max(m.end(), start + 1);
                }
            }
        }
        spans.sort(Comparator.comparingInt(s -> s[0]));
        return spans;
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

    int[] spanToClauseEndIfRelative(int start, int end) {
        String match = folded.substring(start, end).strip();
        boolean relative = match.endsWith(" who") || match.endsWith(" that") || match.endsWith(" which")
                || folded.startsWith(" who ", end) || folded.startsWith(" that ", end);
        if (!relative) {
            return new int[] {start, end};
        }
        Clause clause = clauseAt(start);
        int clauseEnd = clause == null ? end : clause.end();
        int comma = folded.indexOf(',', end);
        return new int[] {start, comma > 0 && comma < clauseEnd ? comma : clauseEnd};
    }

    boolean inTarget(int offset) {
        for (int[] span : targetSpans) {
            if (offset >= span[0] && offset < span[1]) {
                return true;
            }
        }
        return false;
    }

    int[] firstTargetIn(int from, int to) {
        for (int[] span : targetSpans) {
            if (span[0] >= from && span[0] < to) {
                return span;
            }
        }
        return null;
    }

    int wordsBetween(int from, int to) {
        int words = 0;
        boolean inWord = false;
        for (int i = from; i < to; i++) {
            boolean w = TextFolding.isWordChar(folded.charAt(i));
            if (w && !inWord) {
                words++;
            }
            inWord = w;
        }
        return words;
    }

    boolean near(int start, int end, Hit hit, int window) {
        if (start >= hit.end()) {
            return wordsBetween(hit.end(), start) <= window;
        }
        if (end <= hit.start()) {
            return wordsBetween(end, hit.start()) <= window;
        }
        return true;
    }

    // ---------------------------------------------------------------- actors around a cue

    // actors and cues are in text order (by start): the loops below stop at the end of their span

    List<ActorMention> actorsIn(Clause clause) {
        List<ActorMention> in = new ArrayList<>(4);
        for (ActorMention a : actors) {
            if (a.start() >= clause.end()) {
                break;
            }
            if (!a.inTarget() && a.start() >= clause.start()) {
                in.add(a);
            }
        }
        return in;
    }

    /** The first actor of the clause before the cue. */
    ActorMention subject(Clause clause, int before) {
        for (ActorMention a : actors) {
            if (a.start() >= clause.end() || a.start() >= before) {
                return null;
            }
            if (!a.inTarget() && a.start() >= clause.start() && !isObjectOfVerbCue(clause, a)) {
                return a;
            }
        }
        return null;
    }

    /** "sued ICE", "criticized the governor": an actor right after a stance verb is its object, not a subject. */
    private boolean isObjectOfVerbCue(Clause clause, ActorMention actor) {
        for (Hit h : cues) {
            if (h.end() > actor.start()) {
                return false;
            }
            if (h.start() >= clause.start() && cue(h).kind().isStance() && !isNominal(h)
                    && wordsBetween(h.end(), actor.start()) <= 1 && folded.charAt(h.end()) == ' ') {
                return true;
            }
        }
        return false;
    }

    ActorMention nearestStateOrLocalBefore(Clause clause, int before, int from) {
        return nearestBefore(clause, before, from, ActorMention::stateOrLocal);
    }

    ActorMention nearestBefore(Clause clause, int before, int from, Predicate<ActorMention> accept) {
        ActorMention nearest = null;
        for (ActorMention actor : actors) {
            if (actor.start() >= clause.end()) {
                break;
            }
            if (!actor.inTarget() && actor.start() >= clause.start() && actor.start() >= from
                    && actor.end() <= before && accept.test(actor)) {
                nearest = actor;
            }
        }
        return nearest;
    }

    ActorMention firstAfter(Clause clause, int after, Predicate<ActorMention> accept) {
        for (ActorMention a : actors) {
            if (a.start() >= clause.end()) {
                break;
            }
            if (!a.inTarget() && a.start() >= clause.start() && a.start() >= after && accept.test(a)) {
                return a;
            }
        }
        return null;
    }

    private static final Pattern NOUN_ENDING = Pattern.compile("(tions?|sions?|ments?|ties|ance|ances|ies|als)$");
    private static final Set<String> NOUN_DETERMINERS = Set.of("the", "a", "an", "its", "his",
            "her", "their", "our", "of", "for", "on", "against", "about", "amid", "over", "new", "sweeping", "mass",
            "planned", "federal", "immigration", "recent", "ongoing", "latest", "continued", "further", "expected",
            "possible", "future", "ice", "large-scale", "aggressive", "stepped-up");

    /**
     * A cue used as a noun ("the raids", "his deportation plan", "penalties") names an action; only a predicate
     * ("raided", "will deport") says that someone takes it.
     */
    boolean isNominal(Hit cue) {
        String phrase = folded.substring(cue.start(), cue.end());
        if (NOUN_ENDING.matcher(phrase).find() || phrase.startsWith("mass ")) {
            return true;
        }
        int end = cue.start();
        while (end > 0 && folded.charAt(end - 1) == ' ') {
            end--;
        }
        int start = end;
        while (start > 0 && Character.isLetterOrDigit(folded.charAt(start - 1)) || start > 0 && folded.charAt(start - 1) == '\'') {
            start--;
        }
        String before = folded.substring(start, end);
        return NOUN_DETERMINERS.contains(before) || before.endsWith("'s");
    }

    /** "Trump's plan", "ICE's raids": a possessive names whose something is, not who acts. */
    boolean isPossessive(ActorMention agent) {
        return folded.startsWith("'s", agent.end()) || folded.startsWith("’s", agent.end());
    }

    Evidence evidence(EvidenceField field, int start, int end, String rule) {
        return Evidence.newBuilder().setField(field).setPhrase(text.substring(start, end)).setStart(start).setEnd(end)
                .setRule(rule).build();
    }

    // ---------------------------------------------------------------- helpers

    List<Hit> cuesIn(int from, int to) {
        List<Hit> in = new ArrayList<>(4);
        for (Hit h : cues) {
            if (h.start() >= to) {
                break;
            }
            if (h.start() >= from) {
                in.add(h);
            }
        }
        return in;
    }

    Clause clauseAt(int offset) {
        for (Sentence sentence : sentences) {
            for (Clause clause : sentence.clauses()) {
                if (clause.contains(offset)) {
                    return clause;
                }
            }
        }
        return null;
    }

    static RuleFiles.CueDef cue(Hit hit) {
        return (RuleFiles.CueDef) hit.entry().rule();
    }

    private static final Pattern BY_GAP = Pattern.compile("\\s+(?:by|from)\\s+(?:the\\s+)?");

    /** "ICE raids", "raids by ICE": the cue describes the federal actor next to it, not the clause's subject. */
    boolean federalNextTo(Hit hit) {
        for (ActorMention actor : actors) {
            if (!actor.federal()) {
                continue;
            }
            if (actor.end() <= hit.start() && wordsBetween(actor.end(), hit.start()) <= 1) {
                return true;
            }
            if (actor.start() >= hit.end() && ActorResolver.gapMatches(BY_GAP, folded, hit.end(), actor.start())) {
                return true;
            }
        }
        return false;
    }

    boolean federalRightAfter(Clause clause, Hit hit) {
        for (ActorMention actor : actors) {
            if (actor.federal() && actor.start() >= hit.end() && actor.start() < clause.end()
                    && wordsBetween(hit.end(), actor.start()) <= 2) {
                return true;
            }
        }
        return false;
    }

    boolean sentenceHasGenericTarget(Clause clause) {
        Sentence sentence = sentences.get(clause.sentence());
        return firstTargetIn(sentence.start(), sentence.end()) != null;
    }

    /** The negator is close enough before the cue, with nothing that ends its scope in between. */
    boolean negates(Hit negator, Hit cue) {
        if (negator.end() > cue.start() || negator == cue || inTarget(negator.start()) != inTarget(cue.start())) {
            return false;
        }
        if (wordsBetween(negator.end(), cue.start()) > grammar.negationWindowWords()) {
            return false;
        }
        // "won't comply with an order to dismantle sanctuary protections": the negation is the head predicate's;
        // a stance cue of the other kind in its complement keeps its own polarity
        CueKind kind = cue(cue).kind();
        // "won't comply with an order to dismantle sanctuary protections": refusing to comply is the predicate,
        // the protection is what the order demands
        if (kind == CueKind.OBSTRUCT && cue(negator).kind() == CueKind.REFUSAL
                && folded.substring(negator.start(), negator.end()).contains("comply")) {
            return false;
        }
        for (Hit other : cues) {
            if (other.start() >= negator.end() && other.end() <= cue.start() && opposite(cue(other).kind(), kind)) {
                return false;
            }
        }
        String between = wordsOnly(negator.end(), cue.start());
        for (String breaker : grammar.negationBreakers()) {
            if (between.contains(" " + breaker + " ")) {
                return false;
            }
        }
        return true;
    }

    /** text[from, to) with everything but a-z and apostrophes as single spaces, padded with one space each side. */
    String wordsOnly(int from, int to) {
        StringBuilder out = new StringBuilder(to - from + 2).append(' ');
        boolean space = true;
        for (int i = from; i < to; i++) {
            char c = folded.charAt(i);
            if ((c >= 'a' && c <= 'z') || c == '\'') {
                out.append(c);
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        if (!space) {
            out.append(' ');
        }
        return out.toString();
    }

    private static final List<String> BACKGROUND = List.of(" during ", " amid ", " following ", " despite ",
            " before ", " after ");

    /** "protect everyone's safety during the ICE protests": an object does not reach past a background phrase. */
    private boolean backgroundBetween(Hit hit, int objectStart) {
        if (objectStart < hit.end()) {
            return false;
        }
        String between = wordsOnly(hit.end(), objectStart);
        for (String word : BACKGROUND) {
            if (between.contains(word)) {
                return true;
            }
        }
        return false;
    }

    static boolean opposite(CueKind a, CueKind b) {
        return (a == CueKind.COOPERATE && b == CueKind.OBSTRUCT) || (a == CueKind.OBSTRUCT && b == CueKind.COOPERATE);
    }

    boolean isNegator(Hit hit, boolean judgeInClause) {
        RuleFiles.CueDef cue = cue(hit);
        return cue.kind() == CueKind.NEGATOR || cue.kind() == CueKind.REFUSAL
                || (cue.negatesWithoutJudge() && !judgeInClause);
    }

    boolean isProtection(Hit hit) {
        return cue(hit).kind() == CueKind.OBSTRUCT && !cue(hit).opposesProtections();
    }

    /** A federal actor or an immigration-enforcement phrase near the cue: what it acts on. */
    boolean hasObject(Clause clause, Hit hit) {
        if (cue(hit).context()) {
            return true;
        }
        int window = grammar.objectWindowWords();
        for (ActorMention actor : actorsIn(clause)) {
            if ((actor.federal() || actor.context()) && near(actor.start(), actor.end(), hit, window)
                    && !backgroundBetween(hit, actor.start())) {
                return true;
            }
        }
        for (Hit other : cuesIn(clause.start(), clause.end())) {
            if (other != hit && cue(other).context() && near(other.start(), other.end(), hit, window)
                    && !backgroundBetween(hit, other.start())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "ItemAnalysis[" + Objects.requireNonNullElse(text, "") + "]";
    }
}
