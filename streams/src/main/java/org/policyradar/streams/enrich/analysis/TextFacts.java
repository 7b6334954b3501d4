package org.policyradar.streams.enrich.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.policyradar.avro.Evidence;
import org.policyradar.avro.EvidenceField;
import org.policyradar.streams.enrich.ActorResolver;
import org.policyradar.streams.enrich.CueKind;
import org.policyradar.streams.enrich.Mentions.ActorMention;
import org.policyradar.streams.enrich.Mentions.PlaceMention;
import org.policyradar.streams.enrich.PhraseIndex;
import org.policyradar.streams.enrich.PhraseIndex.Hit;
import org.policyradar.streams.enrich.RuleFiles;
import org.policyradar.streams.enrich.RuleSet;
import org.policyradar.streams.enrich.Segmenter;
import org.policyradar.streams.enrich.Segmenter.Clause;
import org.policyradar.streams.enrich.Segmenter.Sentence;
import org.policyradar.streams.enrich.TextFolding;

/**
 * What one text contains, found once: its cue and actor hits, sentences and clauses, places, actors, and the
 * spans that name whom a federal action is aimed at ({@link TargetSpans}); with the plain queries the reading
 * of stances asks of them (cues in a span, words between two offsets, whether a cue is used as a noun, whether
 * a cue has an object). Who acts is {@link AgentLookup}'s question, what a negation reaches {@link Negation}'s.
 */
final class TextFacts {

    final RuleSet rules;
    final String text;
    final String folded;
    final List<Hit> hits;
    final List<Hit> cues;
    final List<Sentence> sentences;
    final List<PlaceMention> places;
    final TargetSpans targets;
    final List<ActorMention> actors;
    final RuleFiles.Scoring scoring;
    final RuleFiles.Grammar grammar;
    private final Map<Integer, Optional<Boolean>> taggedNouns = new HashMap<>(2);

    TextFacts(RuleSet rules, Segmenter segmenter, ActorResolver resolver, String text) {
        this.rules = rules;
        this.text = text;
        this.folded = TextFolding.fold(text);
        this.hits = rules.index().find(text, folded);
        this.cues = hits.stream().filter(h -> h.entry().category() == PhraseIndex.Category.CUE).toList();
        this.sentences = segmenter.split(text, folded);
        this.places = resolver.places(text, hits);
        this.targets = new TargetSpans(rules, folded, cues, sentences);
        this.actors = resolver.actors(text, folded, hits, places, sentences).stream()
                .map(a -> a.inTarget(targets.contains(a.start()) || Bystanders.before(folded, a.start())))
                .toList();
        this.scoring = rules.scoring();
        this.grammar = rules.grammar();
    }

    // ---------------------------------------------------------------- context and words

    /** An item about immigration enforcement: a context phrase or actor, or generic targets asked to cooperate. */
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

    // ---------------------------------------------------------------- actors, cues and evidence

    // actors and cues are in text order (by start): the loops below stop at the end of their span

    /** The actors of a clause that are no target. */
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

    private static final Pattern NOUN_ENDING = Pattern.compile("(tions?|sions?|ments?|ties|ance|ances|ies|als)$");
    private static final Set<String> NOUN_DETERMINERS = Set.of("the", "a", "an", "its", "his",
            "her", "their", "our", "of", "for", "on", "against", "about", "amid", "over", "new", "sweeping", "mass",
            "planned", "federal", "immigration", "recent", "ongoing", "latest", "continued", "further", "expected",
            "possible", "future", "ice", "large-scale", "aggressive", "stepped-up");

    /**
     * A cue used as a noun ("the raids", "his deportation plan", "penalties") names an action; only a predicate
     * ("raided", "will deport") says that someone takes it. The word shape and the word before decide first; a
     * word the rules list as noun-or-verb that they leave a verb goes to the part-of-speech tagger, which reads
     * it as a noun when its clause has a predicate of its own ("protesters rallied against Border Patrol raids").
     * The tagger is asked only then, as it costs more than the rest of the reading of a clause.
     */
    boolean isNominal(Hit cue) {
        String phrase = folded.substring(cue.start(), cue.end());
        if (byWordShape(cue, phrase)) {
            return true;
        }
        return grammar.nounOrVerbCues().contains(phrase) && Boolean.TRUE.equals(taggedNoun(cue));
    }

    private boolean byWordShape(Hit cue, String phrase) {
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

    /**
     * "Border Patrol raids a farm" against "protesters rallied against Border Patrol raids": whether the tagger reads
     * the cue word as a noun in its clause (null: the tags do not decide); isNominal is asked several times per
     * cue, the tagger once.
     */
    private Boolean taggedNoun(Hit cue) {
        return taggedNouns.computeIfAbsent(cue.start(), start -> {
            Clause clause = Segmenter.clauseAt(sentences, start);
            return Optional.ofNullable(clause == null ? null
                    : PartOfSpeech.isNoun(text, clause.start(), clause.end(), start, grammar.nounOrVerbCues()));
        }).orElse(null);
    }

    /** "Trump's plan", "ICE's raids": a possessive names whose something is, not who acts. */
    boolean isPossessive(ActorMention agent) {
        return folded.startsWith("'s", agent.end()) || folded.startsWith("’s", agent.end());
    }

    Evidence evidence(EvidenceField field, Span span, String rule) {
        return evidence(field, span.start(), span.end(), rule);
    }

    Evidence evidence(EvidenceField field, int start, int end, String rule) {
        return Evidence.newBuilder().setField(field).setPhrase(text.substring(start, end)).setStart(start).setEnd(end)
                .setRule(rule).build();
    }

    /** The cues starting in {@code [from, to)}. */
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

    /** The cue rule of a cue hit. */
    static RuleFiles.CueDef cue(Hit hit) {
        return (RuleFiles.CueDef) hit.entry().rule();
    }

    boolean sentenceHasGenericTarget(Clause clause) {
        Sentence sentence = sentences.get(clause.sentence());
        return targets.firstIn(sentence.start(), sentence.end()) != null;
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
