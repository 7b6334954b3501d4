package org.policyradar.streams.enrich.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.policyradar.avro.PolicyPosition;
import org.policyradar.streams.enrich.ActorResolver;
import org.policyradar.streams.enrich.CueKind;
import org.policyradar.streams.enrich.Mentions.ActorMention;
import org.policyradar.streams.enrich.PhraseIndex.Hit;
import org.policyradar.streams.enrich.RuleSet;
import org.policyradar.streams.enrich.Segmenter;
import org.policyradar.streams.enrich.Segmenter.Clause;
import org.policyradar.streams.enrich.Segmenter.Sentence;
import org.policyradar.streams.enrich.TextFolding;
import org.policyradar.streams.enrich.analysis.Candidate.Side;

/**
 * The enrichment of one text. Reads each clause: the agent of each stance cue (its subject, the speaker of
 * reported speech, the agent of a passive, a headline speaker), the negations that reach the cue, and decides
 * who takes which side ({@link ClauseCandidates}, {@link CourtRulings}); a stance always rests on a cue, never
 * on an actor near an instrument word. Which of these decisions become positions is {@link ItemSides}' business
 * (the item's side, and second actors of their own); {@link PositionBuilder} gives each its jurisdiction,
 * topics, instrument and evidence.
 */
public final class ItemAnalysis {

    private final TextFacts facts;
    private final ItemSides sides;
    private final PositionBuilder builder;
    private final AgentLookup agents;
    private final Confidence confidence;
    private final FederalAim aim;
    private final CourtRulings courts;
    private final ClauseCandidates clauses;

    /** The analysis of one text under the given rules; the segmenter and resolver are the rule set's own. */
    /**
     * Loads the statistical models the reading uses (the part-of-speech tagger), so that an application fails
     * at start, with the reason, when one is missing from the classpath.
     */
    public static void requireModels() {
        PartOfSpeech.requireModel();
    }

    public ItemAnalysis(RuleSet rules, Segmenter segmenter, ActorResolver resolver, String text) {
        this.facts = new TextFacts(rules, segmenter, resolver, text);
        this.sides = new ItemSides(facts);
        this.builder = new PositionBuilder(facts);
        this.agents = new AgentLookup(facts);
        this.confidence = new Confidence(facts.scoring);
        this.aim = new FederalAim(facts);
        this.courts = new CourtRulings(facts, confidence);
        Negation negation = new Negation(facts);
        this.clauses = new ClauseCandidates(facts, agents, negation, new Constructions(facts, negation), confidence);
    }

    /** The positions of the text, in text order, one per actor, topic, place and stance. */
    public List<PolicyPosition> positions() {
        if (!facts.hasContext()) {
            return List.of();
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Sentence sentence : facts.sentences) {
            candidates.addAll(sentenceCandidates(sentence, candidates));
        }
        candidates.replaceAll(aim::apply);
        candidates.replaceAll(this::unlessRejectedMention);
        candidates.replaceAll(this::unlessEvaluatedMention);
        candidates.removeIf(c -> c.side() != Side.JUDICIAL && c.side() != Side.NEUTRAL
                && c.confidence() < confidence.minConfidence());
        // "... after ICE arrests": an action named in a background clause is a mention, not a position
        candidates.removeIf(c -> c.clause().subordinate() && c.side() != Side.JUDICIAL && facts.isNominal(c.cue()));
        // "... if the mayor blocks ICE arrests": what a condition supposes of a state or city is not its position
        // (a federal action named in a condition is usually a real one: "if the city ignores the deadlines")
        candidates.removeIf(c -> (c.side() == Side.RESIST || c.side() == Side.ALIGN) && isCondition(c.clause()));
        Side primary = ItemSides.primarySide(candidates);
        List<PolicyPosition> positions = new ArrayList<>();
        Set<String> primaryActors = new HashSet<>();
        candidates.stream().filter(c -> c.side() == primary)
                .forEach(c -> c.agents().forEach(a -> primaryActors.add(a.id())));
        for (Candidate candidate : candidates) {
            if (candidate.side() == primary || (sides.isOwnPosition(candidate, primary)
                    && candidate.agents().stream().noneMatch(a -> primaryActors.contains(a.id())))) {
                positions.addAll(builder.positionsOf(candidate));
            }
        }
        return PositionBuilder.deduplicated(positions);
    }

    /**
     * "Columbia rejected the administration's demands": a federal possessor of a nominal cue that is the object of
     * someone else's refusal or challenge is named as what they answer, not as taking a position here.
     */
    private Candidate unlessRejectedMention(Candidate candidate) {
        ActorMention agent = candidate.agent();
        if (candidate.side() != Side.PRESS || agent == null || !agent.federal()
                || !facts.folded.startsWith("'s", agent.end()) || !facts.isNominal(candidate.cue())) {
            return candidate;
        }
        for (Hit hit : facts.cues) {
            if (hit.start() >= agent.start()) {
                break;
            }
            CueKind kind = TextFacts.cue(hit).kind();
            if ((kind == CueKind.OBSTRUCT || kind == CueKind.REFUSAL || kind == CueKind.SUE)
                    && hit.start() >= candidate.clause().start()
                    && facts.wordsBetween(hit.end(), agent.start()) <= 1) {
                return candidate.neutral("+answered-mention");
            }
        }
        return candidate;
    }

    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "its", "their", "his", "her", "this");

    /**
     * "A conservative group praised the sheriff's cooperation with ICE": a state or local possessor of a nominal
     * cue that is the object of someone's praise or criticism ({@code grammar.evaluationVerbs}) is what they speak
     * about, not a position of its own here.
     */
    private Candidate unlessEvaluatedMention(Candidate candidate) {
        ActorMention agent = candidate.agent();
        if ((candidate.side() != Side.ALIGN && candidate.side() != Side.RESIST) || agent == null
                || !facts.isPossessive(agent) || !facts.isNominal(candidate.cue())) {
            return candidate;
        }
        int at = agent.start();
        for (int i = 0; i < 2; i++) {
            int[] word = TextFolding.wordBefore(facts.folded, at, c -> Character.isLetter((char) c));
            if (word == null) {
                return candidate;
            }
            String before = facts.folded.substring(word[0], word[1]);
            if (facts.grammar.evaluationVerbs().contains(before)) {
                return candidate.neutral("+evaluated-mention");
            }
            if (!DETERMINERS.contains(before)) {
                return candidate;
            }
            at = word[0];
        }
        return candidate;
    }

    private static final List<String> CONDITIONS = List.of(" if ", " unless ");

    private boolean isCondition(Clause clause) {
        if (!clause.subordinate()) {
            return false;
        }
        for (String condition : CONDITIONS) {
            if (facts.folded.startsWith(condition, clause.start())) {
                return true;
            }
        }
        return false;
    }

    private List<Candidate> sentenceCandidates(Sentence sentence, List<Candidate> earlier) {
        List<Candidate> found = new ArrayList<>();
        boolean judicialMain = false;
        for (Clause clause : sentence.clauses()) {
            Candidate judicial = courts.decide(clause);
            if (judicial != null) {
                found.add(judicial);
                judicialMain |= !clause.subordinate();
            } else {
                List<Candidate> before = new ArrayList<>(earlier);
                before.addAll(found);
                found.addAll(clauses.of(clause, before));
            }
        }
        // a court deciding in a main clause makes the sentence the court's
        if (judicialMain) {
            found.removeIf(c -> c.side() != Side.JUDICIAL);
        }
        // a sentence whose main clause is about a foreign government is foreign news: its background is too
        boolean foreignMain = sentence.clauses().stream().anyMatch(c -> !c.subordinate()
                && agents.subject(c, c.end()) != null && agents.subject(c, c.end()).foreign());
        if (foreignMain) {
            found.removeIf(c -> c.clause().subordinate());
        }
        boolean report = facts.cuesIn(sentence.start(), sentence.end()).stream()
                .anyMatch(h -> TextFacts.cue(h).kind() == CueKind.REPORT);
        if (report) {
            found.replaceAll(c -> c.side() == Side.JUDICIAL ? c : c.neutral("+report"));
        }
        return found;
    }
}
