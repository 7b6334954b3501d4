package org.policyradar.streams.enrich.analysis;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policyradar.streams.enrich.CueKind;
import org.policyradar.streams.enrich.Mentions.ActorMention;
import org.policyradar.streams.enrich.PhraseIndex.Hit;
import org.policyradar.streams.enrich.RuleFiles;
import org.policyradar.streams.enrich.Segmenter.Sentence;
import org.policyradar.streams.enrich.analysis.Candidate.Side;

/**
 * Which positions of an item are kept: the item's side (the first main clause that takes one decides; a
 * background clause only when no main clause does) and, beside it, the positions second actors take in main
 * clauses of their own — not a noun naming an action, a possessive, a stance another actor accuses them of,
 * or an actor that is the object of someone else's stance.
 */
final class ItemSides {

    private final TextFacts facts;
    private final String folded;
    private final List<Hit> cues;
    private final List<Sentence> sentences;
    private final List<ActorMention> actors;

    ItemSides(TextFacts facts) {
        this.facts = facts;
        this.folded = facts.folded;
        this.cues = facts.cues;
        this.sentences = facts.sentences;
        this.actors = facts.actors;
    }

    /**
     * A second actor's position reported in a main clause of its own ("the Justice Department sued the state;
     * the governor vowed to fight"): kept beside the item's side when its actor is named, not inherited.
     */
    boolean isOwnPosition(Candidate candidate, Side primary) {
        if (primary == Side.JUDICIAL || candidate.clause().subordinate() || candidate.agent() == null
                || !candidate.agent().explicit() || candidate.agent().inTarget()) {
            return false;
        }
        if (facts.isNominal(candidate.cue()) || facts.isPossessive(candidate.agent()) || isAccusedOf(candidate)
                || isObjectOfAStance(candidate)) {
            return false;
        }
        if (candidate.side() == Side.ALIGN && candidate.cue().entry().rule() instanceof RuleFiles.CueDef def
                && def.kind() != CueKind.COOPERATE && !candidate.rule().contains("negations")) {
            return false;
        }
        return switch (candidate.side()) {
            case PRESS -> candidate.agent().federal();
            case RESIST, ALIGN -> candidate.agent().stateOrLocal();
            default -> false;
        };
    }

    private static final Pattern ACCUSATION = Pattern.compile(
            "\\b(alleg\\w*|accus\\w*|claim\\w*|saying|says|said|argu\\w*|contend\\w*|over)\\b");

    /** "DOJ sued Boston, alleging the city obstructs enforcement": the city's stance is the claim of another. */
    boolean isAccusedOf(Candidate candidate) {
        Sentence sentence = sentences.get(candidate.clause().sentence());
        Matcher m = ACCUSATION.matcher(folded);
        m.region(sentence.start(), Math.max(sentence.start(), candidate.agent().start()));
        while (m.find()) {
            int at = m.start();
            String between = folded.substring(m.end(), Math.max(m.end(), candidate.agent().start()));
            if (between.contains(", and ") || between.contains(";") || between.contains(" while ")) {
                continue;
            }
            boolean otherSideBefore = actors.stream().anyMatch(a -> a.start() >= sentence.start() && a.end() <= at
                    && a.explicit() && (candidate.side() == Side.PRESS ? a.stateOrLocal() : a.federal()));
            if (otherSideBefore) {
                return true;
            }
        }
        return false;
    }

    /** "the state will help federal agents deport immigrants": the agents are what the state's help is for. */
    boolean isObjectOfAStance(Candidate candidate) {
        int agentStart = candidate.agent().start();
        int from = candidate.clause().start();
        int and = folded.lastIndexOf(", and ", agentStart);
        if (and >= from) {
            from = and;
        }
        int start = from;
        return cues.stream().anyMatch(h -> h.start() >= start && h.end() <= agentStart && TextFacts.cue(h).kind().isStance());
    }

    static Side primarySide(List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return null;
        }
        // background ("after...", "as...", "amid...") decides the side only when no main clause takes one
        boolean anyMain = candidates.stream().anyMatch(c -> !c.clause().subordinate());
        List<Candidate> eligible = candidates.stream().filter(c -> !anyMain || !c.clause().subordinate()).toList();
        int firstSentence = eligible.stream().mapToInt(c -> c.clause().sentence()).min().orElseThrow();
        return eligible.stream()
                .filter(c -> c.clause().sentence() == firstSentence)
                .min(Comparator.comparing((Candidate c) -> c.clause().subordinate())
                        .thenComparing(Comparator.comparingDouble(Candidate::confidence).reversed())
                        .thenComparingInt(c -> c.cue().start()))
                .map(Candidate::side)
                .orElseThrow();
    }
}
