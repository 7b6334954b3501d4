package org.policyradar.streams.enrich.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.policyradar.streams.enrich.CueKind;
import org.policyradar.streams.enrich.Mentions.ActorMention;
import org.policyradar.streams.enrich.PhraseIndex.Hit;
import org.policyradar.streams.enrich.RuleFiles;
import org.policyradar.streams.enrich.Segmenter.Clause;

/**
 * The decisions of one clause that no court decides: its stance cues, and refusals that negate nothing (which
 * stand as OBSTRUCT cues by themselves), each read once — the negations that reach it, its polarity and weight,
 * the clause's subject — and handed to the {@link CueFamily} of its kind.
 */
final class ClauseCandidates {

    private final TextFacts facts;
    private final AgentLookup agents;
    private final Negation negation;
    private final Constructions constructions;
    private final Confidence confidence;
    private final CueFamily cooperation;
    private final CueFamily enforcement;
    private final CueFamily lawsuits;
    private final CueFamily passiveLawsuits;

    ClauseCandidates(TextFacts facts, AgentLookup agents, Negation negation, Constructions constructions,
                     Confidence confidence) {
        this.facts = facts;
        this.agents = agents;
        this.negation = negation;
        this.constructions = constructions;
        this.confidence = confidence;
        CueTools tools = new CueTools(facts, agents, constructions, confidence);
        this.cooperation = new CooperationCues(tools);
        this.enforcement = new EnforcementCues(tools);
        this.lawsuits = new LawsuitCues(tools);
        this.passiveLawsuits = new PassiveLawsuitCues(tools);
    }

    /** The decisions of the clause, given those made before it in the text. */
    List<Candidate> of(Clause clause, List<Candidate> earlier) {
        List<Candidate> found = new ArrayList<>();
        List<Hit> clauseCues = facts.cuesIn(clause.start(), clause.end());
        boolean judgeInClause = facts.actorsIn(clause).stream().anyMatch(ActorMention::judicial);
        List<Hit> negators = clauseCues.stream().filter(h -> negation.isNegator(h, judgeInClause)).toList();
        List<Hit> allStanceCues = clauseCues.stream()
                .filter(h -> !facts.targets.contains(h.start()) && TextFacts.cue(h).kind().isStance())
                .toList();
        List<Hit> stanceCues = allStanceCues;
        // "oppose the state sanctuary law": opposing a protection negates it rather than resisting anything
        List<Hit> opposing = allStanceCues.stream().filter(h -> TextFacts.cue(h).opposesProtections()
                && allStanceCues.stream().anyMatch(o -> o != h && negation.isProtection(o) && negation.negates(h, o)))
                .toList();
        if (!opposing.isEmpty()) {
            List<Hit> moreNegators = new ArrayList<>(negators);
            moreNegators.addAll(opposing);
            negators = moreNegators;
            stanceCues = stanceCues.stream().filter(h -> !opposing.contains(h)).toList();
        }
        // "dropped its lawsuit against Colorado over the state's sanctuary laws": what a withdrawn lawsuit was
        // about is no one's stance (up to the next conjunct)
        int droppedLawsuit = droppedLawsuitEnd(negators, stanceCues);
        if (droppedLawsuit >= 0) {
            stanceCues = stanceCues.stream().filter(h -> h.start() < droppedLawsuit
                    || constructions.conjunctionBetween(new Hit(droppedLawsuit, droppedLawsuit, h.entry()), h)).toList();
        }
        // "declined to comment on the arrests": what someone will not talk about is no one's stance (up to the
        // next conjunct)
        int noComment = noCommentEnd(clauseCues);
        if (noComment >= 0) {
            stanceCues = stanceCues.stream().filter(h -> h.start() < noComment
                    || constructions.conjunctionBetween(new Hit(noComment, noComment, h.entry()), h)).toList();
        }
        List<Hit> refusals = standaloneRefusals(negators, stanceCues);
        List<Hit> all = new ArrayList<>(stanceCues);
        all.addAll(refusals);
        all.sort(Comparator.comparingInt(Hit::start));
        for (Hit hit : all) {
            Candidate candidate = decide(clause, hit, negators, refusals.contains(hit), earlier, found);
            if (candidate != null) {
                found.add(candidate);
            }
        }
        // what a state actor warns a city about is the complement of the warning, not the state's own stance
        found.stream().filter(c -> c.rule().endsWith("+state-presses-locality")).findFirst().ifPresent(head ->
                found.removeIf(c -> c != head && c.agent() == head.agent() && c.cue().start() > head.cue().start()));
        return found;
    }

    private static final Set<String> DETERMINERS = Set.of("its", "the", "a", "their", "his", "her",
            "that", "this");

    /** Where the first lawsuit of the clause that a negator drops ("dropped its lawsuit") ends, or -1. */
    private int droppedLawsuitEnd(List<Hit> negators, List<Hit> stanceCues) {
        for (Hit cue : stanceCues) {
            CueKind kind = TextFacts.cue(cue).kind();
            if ((kind == CueKind.SUE || kind == CueKind.SUE_PASSIVE) && negators.stream().anyMatch(n ->
                    n.end() <= cue.start() && DETERMINERS.contains(facts.wordsOnly(n.end(), cue.start()).trim()))) {
                return cue.end();
            }
        }
        return -1;
    }

    private static final List<String> COMPLEMENTS = List.of(" on ", " about ", " of ", " whether ", " if ");

    /**
     * Where the clause's first NULL cue that takes a complement ("declined to comment on", "declined to say
     * whether", "unclear if", "not aware of") ends, or -1; a NULL cue without one ("not only", "no one") ends nothing.
     */
    private int noCommentEnd(List<Hit> clauseCues) {
        for (Hit cue : clauseCues) {
            if (TextFacts.cue(cue).kind() == CueKind.NULL) {
                for (String complement : COMPLEMENTS) {
                    if (facts.folded.startsWith(complement, cue.end())) {
                        return cue.end();
                    }
                }
            }
        }
        return -1;
    }

    /** A VIOLATION cue ("would violate", "is illegal") after the cue in its clause. */
    private boolean violationAfter(Clause clause, Hit hit) {
        for (Hit other : facts.cuesIn(hit.end(), clause.end())) {
            if (TextFacts.cue(other).kind() == CueKind.VIOLATION) {
                return true;
            }
        }
        return false;
    }

    /** "refused", "will not cooperate": a refusal that negates no stance cue is a stance of its own. */
    private List<Hit> standaloneRefusals(List<Hit> negators, List<Hit> stanceCues) {
        List<Hit> refusals = new ArrayList<>();
        for (Hit negator : negators) {
            RuleFiles.CueDef cue = TextFacts.cue(negator);
            boolean standalone = cue.kind() == CueKind.REFUSAL || cue.negatesWithoutJudge();
            if (standalone && !facts.targets.contains(negator.start())
                    && stanceCues.stream().noneMatch(c -> negation.negates(negator, c))) {
                refusals.add(negator);
            }
        }
        return refusals;
    }

    /** Who takes which side through this cue, if anyone. */
    private Candidate decide(Clause clause, Hit hit, List<Hit> negators, boolean refusal, List<Candidate> earlier,
                             List<Candidate> inClause) {
        CueReading reading = read(clause, hit, negators, refusal, earlier, inClause);
        if (reading.subject() != null && reading.subject().foreign()) {
            return null;
        }
        CueFamily family = switch (reading.kind()) {
            case COOPERATE, OBSTRUCT -> cooperation;
            case ENFORCE, THREAT -> enforcement;
            case SUE -> lawsuits;
            case SUE_PASSIVE -> passiveLawsuits;
            default -> null;
        };
        return family == null ? null : family.decide(reading);
    }

    private CueReading read(Clause clause, Hit hit, List<Hit> negators, boolean refusal, List<Candidate> earlier,
                            List<Candidate> inClause) {
        RuleFiles.CueDef cue = TextFacts.cue(hit);
        CueKind kind = refusal ? CueKind.OBSTRUCT : cue.kind();
        List<Hit> reaching = refusal || cue.unnegatable() ? List.of()
                : negators.stream().filter(n -> negation.negates(n, hit)).toList();
        int negations = 0;
        Hit firstNegator = null;
        for (int i = 0; i < reaching.size(); i++) {
            // "were not involved and did not assist": a negation of an earlier conjunct does not stack
            if (i + 1 < reaching.size() && constructions.conjunctionBetween(reaching.get(i), reaching.get(i + 1))) {
                continue;
            }
            negations++;
            if (firstNegator == null) {
                firstNegator = reaching.get(i);
            }
        }
        int polarity = kind == CueKind.OBSTRUCT ? -1 : 1;
        if (negations % 2 == 1) {
            polarity = -polarity;
        }
        String rule = "cue:" + cue.id() + (negations > 0 ? "+negations:" + negations : "");
        // "helping ICE with civil arrests would violate state law": the cooperation is what breaks the law
        if (kind == CueKind.COOPERATE && !refusal && violationAfter(clause, hit)) {
            polarity = -polarity;
            rule += "+violation";
        }
        List<Candidate> before = new ArrayList<>(earlier);
        before.addAll(inClause);
        return new CueReading(clause, hit, cue, kind, refusal, negations, firstNegator, polarity,
                confidence.weightOf(cue, refusal), confidence.clauseFactor(clause),
                agents.subject(clause, hit.start()), rule, before);
    }
}
