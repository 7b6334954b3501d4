package org.policyradar.streams.enrich;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policyradar.avro.Evidence;
import org.policyradar.avro.EvidenceField;
import org.policyradar.avro.GovernmentLevel;
import org.policyradar.avro.Instrument;
import org.policyradar.avro.Jurisdiction;
import org.policyradar.avro.PolicyPosition;
import org.policyradar.avro.PolicyTopic;
import org.policyradar.avro.Stance;
import org.policyradar.streams.enrich.Mentions.ActorMention;
import org.policyradar.streams.enrich.Mentions.Agent;
import org.policyradar.streams.enrich.Mentions.PlaceMention;
import org.policyradar.streams.enrich.PhraseIndex.Hit;
import org.policyradar.streams.enrich.Segmenter.Clause;
import org.policyradar.streams.enrich.Segmenter.Sentence;

/**
 * The enrichment of one text. Reads each clause: its subject (the first actor), its stance cues with their
 * negation, and decides who takes which side; then gives each position its jurisdiction (for a federal action:
 * nationwide or the places it targets), topics and instrument, with evidence. An item reports one side: the
 * side of the strongest position of its first sentence that has one (main clauses before subordinate ones);
 * positions of the other sides, background to the news, are dropped.
 */
final class ItemAnalysis {

    /** The side of a position, before it becomes a stance. */
    enum Side { PRESS, RESIST, ALIGN, JUDICIAL, NEUTRAL }

    /**
     * A decision that an actor takes a side in a clause.
     *
     * @param agent    the actor mention, or null for an actor implied by the cue
     * @param implied  the implied actor when {@code agent} is null
     * @param cue      the cue that decided it (the instrument hit for the default rules)
     * @param negator  the first negation that flipped it, or null
     * @param weight   confidence of the cue
     * @param factor   product of the confidence factors (inherited agent, subordinate clause...)
     * @param rule     id of the rule, for evidence
     * @param targets  places the action is aimed at beyond those named in the clause (passive lawsuits)
     */
    private record Candidate(Clause clause, ActorMention agent, Agent implied, Side side, Hit cue, Hit negator,
                             double weight, double factor, String rule, List<PlaceMention> targets) {
        double confidence() {
            return weight * factor;
        }

        List<Agent> agents() {
            return agent != null ? agent.agents() : List.of(implied);
        }
    }

    private final RuleSet rules;
    private final String text;
    private final String folded;
    private final List<Hit> hits;
    private final List<Hit> cues;
    private final List<Sentence> sentences;
    private final List<PlaceMention> places;
    private final List<ActorMention> actors;
    private final List<int[]> targetSpans;
    private final RuleFiles.Scoring scoring;
    private final RuleFiles.Grammar grammar;

    ItemAnalysis(RuleSet rules, Segmenter segmenter, ActorResolver resolver, String text) {
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

    List<PolicyPosition> positions() {
        if (!hasContext()) {
            return List.of();
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Sentence sentence : sentences) {
            candidates.addAll(sentenceCandidates(sentence, candidates));
        }
        candidates.removeIf(c -> c.side() != Side.JUDICIAL && c.side() != Side.NEUTRAL
                && c.confidence() < scoring.minConfidence());
        // "... after ICE arrests": an action named in a background clause is a mention, not a position
        candidates.removeIf(c -> c.clause().subordinate() && c.side() != Side.JUDICIAL && isNominal(c.cue()));
        Side primary = primarySide(candidates);
        List<PolicyPosition> positions = new ArrayList<>();
        java.util.Set<String> primaryActors = new java.util.HashSet<>();
        candidates.stream().filter(c -> c.side() == primary)
                .forEach(c -> c.agents().forEach(a -> primaryActors.add(a.id())));
        for (Candidate candidate : candidates) {
            if (candidate.side() == primary || (isOwnPosition(candidate, primary)
                    && candidate.agents().stream().noneMatch(a -> primaryActors.contains(a.id())))) {
                positions.addAll(positionsOf(candidate));
            }
        }
        return deduplicated(positions);
    }

    // ---------------------------------------------------------------- context and targets

    private boolean hasContext() {
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
    private List<int[]> targetSpans() {
        List<int[]> spans = new ArrayList<>();
        for (Hit hit : cues) {
            if (cue(hit).kind() == CueKind.TARGET) {
                spans.add(spanToClauseEndIfRelative(hit.start(), hit.end()));
            }
        }
        for (Pattern pattern : rules.relativeTargets()) {
            Matcher m = pattern.matcher(folded);
            while (m.find()) {
                spans.add(spanToClauseEndIfRelative(m.start(), m.end()));
            }
        }
        spans.sort(Comparator.comparingInt(s -> s[0]));
        return spans;
    }

    private int[] spanToClauseEndIfRelative(int start, int end) {
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

    private boolean inTarget(int offset) {
        for (int[] span : targetSpans) {
            if (offset >= span[0] && offset < span[1]) {
                return true;
            }
        }
        return false;
    }

    private int[] firstTargetIn(int from, int to) {
        for (int[] span : targetSpans) {
            if (span[0] >= from && span[0] < to) {
                return span;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- candidates

    private List<Candidate> sentenceCandidates(Sentence sentence, List<Candidate> earlier) {
        List<Candidate> found = new ArrayList<>();
        boolean judicialMain = false;
        for (Clause clause : sentence.clauses()) {
            List<Candidate> inClause = new ArrayList<>();
            Candidate judicial = judicialCandidate(clause);
            if (judicial != null) {
                inClause.add(judicial);
                judicialMain |= !clause.subordinate();
            } else {
                List<Candidate> before = new ArrayList<>(earlier);
                before.addAll(found);
                inClause.addAll(clauseCandidates(clause, before));
                if (inClause.isEmpty()) {
                    Candidate fallback = protectivePolicy(clause);
                    if (fallback != null) {
                        inClause.add(fallback);
                    }
                }
            }
            found.addAll(inClause);
        }
        if (judicialMain) {
            found.removeIf(c -> c.side() != Side.JUDICIAL);
        }
        // a sentence whose main clause is about a foreign government is foreign news: its background is too
        boolean foreignMain = sentence.clauses().stream()
                .anyMatch(c -> !c.subordinate() && subject(c, c.end()) != null && subject(c, c.end()).foreign());
        if (foreignMain) {
            found.removeIf(c -> c.clause().subordinate());
        }
        boolean report = cuesIn(sentence.start(), sentence.end()).stream()
                .anyMatch(h -> cue(h).kind() == CueKind.REPORT);
        if (report) {
            found.replaceAll(c -> c.side() == Side.JUDICIAL ? c : new Candidate(c.clause(), c.agent(), c.implied(),
                    Side.NEUTRAL, c.cue(), c.negator(), c.weight(), c.factor(), c.rule() + "+report", c.targets()));
        }
        return found;
    }

    private Candidate judicialCandidate(Clause clause) {
        List<ActorMention> inClause = actorsIn(clause);
        ActorMention judge = inClause.stream().filter(ActorMention::judicial).findFirst().orElse(null);
        if (judge == null) {
            return null;
        }
        Hit ruling = cuesIn(clause.start(), clause.end()).stream()
                .filter(h -> cue(h).kind() == CueKind.RULING).findFirst().orElse(null);
        boolean judgeIsSubject = inClause.get(0) == judge;
        if (ruling == null && !judgeIsSubject) {
            return null;
        }
        Hit cue = ruling != null ? ruling : new Hit(judge.start(), judge.end(),
                new PhraseIndex.Entry(PhraseIndex.Category.ACTOR, judge, text.substring(judge.start(), judge.end()),
                        false));
        return new Candidate(clause, judge, null, Side.JUDICIAL, cue, null, 0.8, clauseFactor(clause),
                ruling != null ? "cue:" + cue(ruling).id() : "court-as-subject", List.of());
    }

    private List<Candidate> clauseCandidates(Clause clause, List<Candidate> earlier) {
        List<Candidate> found = new ArrayList<>();
        List<Hit> clauseCues = cuesIn(clause.start(), clause.end());
        boolean judgeInClause = actorsIn(clause).stream().anyMatch(ActorMention::judicial);
        List<Hit> negators = clauseCues.stream().filter(h -> isNegator(h, judgeInClause)).toList();
        List<Hit> allStanceCues = clauseCues.stream()
                .filter(h -> !inTarget(h.start()) && cue(h).kind().isStance())
                .toList();
        List<Hit> stanceCues = allStanceCues;
        // "oppose the state sanctuary law": opposing a protection negates it rather than resisting anything
        List<Hit> opposing = allStanceCues.stream().filter(h -> cue(h).opposesProtections() && allStanceCues.stream()
                .anyMatch(o -> o != h && isProtection(o) && negates(h, o))).toList();
        if (!opposing.isEmpty()) {
            List<Hit> moreNegators = new ArrayList<>(negators);
            moreNegators.addAll(opposing);
            negators = moreNegators;
            stanceCues = stanceCues.stream().filter(h -> !opposing.contains(h)).toList();
        }
        List<Hit> refusals = new ArrayList<>();
        for (Hit negator : negators) {
            boolean standalone = cue(negator).kind() == CueKind.REFUSAL || cue(negator).negatesWithoutJudge();
            if (standalone && !inTarget(negator.start())
                    && stanceCues.stream().noneMatch(c -> negates(negator, c))) {
                refusals.add(negator);
            }
        }
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

    /** Who takes which side through this cue, if anyone. */
    private Candidate decide(Clause clause, Hit hit, List<Hit> negators, boolean refusal, List<Candidate> earlier,
                             List<Candidate> inClause) {
        RuleFiles.CueDef cue = cue(hit);
        CueKind kind = refusal ? CueKind.OBSTRUCT : cue.kind();
        int negations = 0;
        Hit firstNegator = null;
        if (!refusal && !cue.unnegatable()) {
            for (Hit negator : negators) {
                if (negates(negator, hit)) {
                    negations++;
                    if (firstNegator == null) {
                        firstNegator = negator;
                    }
                }
            }
        }
        boolean negated = negations % 2 == 1;
        int polarity = switch (kind) {
            case OBSTRUCT -> -1;
            default -> 1;
        };
        if (negated) {
            polarity = -polarity;
        }
        double weight = refusal ? cue.weightOr(0.8) : cue.weightOr(0.7);
        double clauseFactor = clauseFactor(clause);
        ActorMention subject = subject(clause, hit.start());
        if (subject != null && subject.foreign()) {
            return null;
        }
        String rule = "cue:" + cue.id() + (negations > 0 ? "+negations:" + negations : "");
        List<Candidate> before = new ArrayList<>(earlier);
        before.addAll(inClause);

        switch (kind) {
            case COOPERATE, OBSTRUCT -> {
                if (cue.needsObject() && !hasObject(clause, hit)) {
                    return null;
                }
                // "joined a lawsuit", "participating in a lawsuit": the lawsuit decides, not the joining
                if (kind == CueKind.COOPERATE && lawsuitRightAfter(clause, hit)) {
                    return null;
                }
                ActorMention local = nearestStateOrLocalBefore(clause, hit.start(),
                        subject == null ? clause.start() : subject.start());
                if (local != null) {
                    ActorMention agent = subject != null && subject.stateOrLocal() && local != subject
                            && sameOrNoOwnPlace(subject, local) ? subject : local;
                    Side side = polarity > 0 ? Side.ALIGN : Side.RESIST;
                    return new Candidate(clause, agent, null, side, hit, firstNegator, weight,
                            clauseFactor * agentFactor(agent), rule, List.of());
                }
                if (subject != null && subject.federal()) {
                    if (kind == CueKind.OBSTRUCT && polarity > 0) {
                        return new Candidate(clause, subject, null, Side.PRESS, hit, firstNegator, weight,
                                clauseFactor, rule, List.of());
                    }
                    // "ICE agents won't be allowed inside Chicago schools, the district said"
                    ActorMention after = firstAfter(clause, hit.end(), ActorMention::stateOrLocal);
                    if (after != null && after.explicit()) {
                        return new Candidate(clause, after, null, polarity > 0 ? Side.ALIGN : Side.RESIST, hit,
                                firstNegator, weight, clauseFactor * scoring.agentAfterCue(), rule, List.of());
                    }
                    return null;
                }
                if (subject == null) {
                    ActorMention after = firstAfter(clause, hit.end(), ActorMention::stateOrLocal);
                    if (after != null) {
                        return new Candidate(clause, after, null, polarity > 0 ? Side.ALIGN : Side.RESIST, hit,
                                firstNegator, weight, clauseFactor * scoring.agentAfterCue(), rule, List.of());
                    }
                    ActorMention inherited = inherited(clause, false, before);
                    if (inherited != null) {
                        return new Candidate(clause, inherited, null, polarity > 0 ? Side.ALIGN : Side.RESIST, hit,
                                firstNegator, weight, clauseFactor * scoring.inheritedAgent(), rule, List.of());
                    }
                }
                return null;
            }
            case ENFORCE, THREAT -> {
                if (cue.needsObject() && !hasObject(clause, hit)) {
                    return null;
                }
                if (polarity < 0) {
                    if (kind == CueKind.THREAT || cue.federalOnly()) {
                        return null;
                    }
                    ActorMention local = subject != null && subject.stateOrLocal() ? subject
                            : subject == null ? inherited(clause, false, before) : null;
                    if (local == null) {
                        return null;
                    }
                    return new Candidate(clause, local, null, Side.RESIST, hit, firstNegator, weight,
                            clauseFactor * agentFactor(local) * (subject == null ? scoring.inheritedAgent() : 1.0),
                            rule, List.of());
                }
                if (subject != null && subject.federal()) {
                    return new Candidate(clause, subject, null, Side.PRESS, hit, null, weight, clauseFactor, rule,
                            List.of());
                }
                if (subject != null && subject.judicial()) {
                    return null;
                }
                if (subject != null && subject.stateOrLocal() && subject.explicit() && kind == CueKind.THREAT
                        && pressesLocalityToCooperate(clause, subject, hit)) {
                    return new Candidate(clause, subject, null, Side.ALIGN, hit, null, weight, clauseFactor,
                            rule + "+state-presses-locality", List.of());
                }
                if (subject != null && subject.stateOrLocal() && subject.explicit()) {
                    // "the mayor's relief for businesses hit by the ICE surge": a named operation is not the mayor's
                    if (kind == CueKind.THREAT || cue.federalOnly() || federalNextTo(hit) || isNominal(hit)) {
                        return null;
                    }
                    // a city prosecuting or investigating federal agents acts against enforcement
                    Side side = federalRightAfter(clause, hit) ? Side.RESIST : Side.ALIGN;
                    return new Candidate(clause, subject, null, side, hit, null, weight, clauseFactor, rule,
                            List.of());
                }
                // no subject, or a place standing as subject ("Chicago braces for an ICE surge")
                int from = subject == null ? clause.start() : subject.start();
                ActorMention federal = nearestBefore(clause, hit.start(), from, ActorMention::federal);
                double factor = clauseFactor;
                if (federal == null) {
                    federal = firstAfter(clause, hit.end(), ActorMention::federal);
                    factor *= scoring.agentAfterCue();
                }
                if (federal == null && subject == null) {
                    federal = inherited(clause, true, before);
                    factor = clauseFactor * scoring.inheritedAgent();
                }
                if (federal != null) {
                    return new Candidate(clause, federal, null, Side.PRESS, hit, null, weight, factor, rule,
                            List.of());
                }
                if (kind == CueKind.THREAT && subject == null && sentenceHasGenericTarget(clause)) {
                    return new Candidate(clause, null, impliedFederal(hit), Side.PRESS, hit, null, weight,
                            clauseFactor * scoring.impliedFederalAgent(), rule + "+implied-federal", List.of());
                }
                return null;
            }
            case SUE -> {
                if (negated || !hasObject(clause, hit)) {
                    return null;
                }
                ActorMention agent = nearestBefore(clause, hit.start(),
                        subject == null ? clause.start() : subject.start(), m -> !m.judicial());
                double factor = clauseFactor;
                if (agent == null) {
                    agent = firstAfter(clause, hit.end(), m -> !m.judicial());
                    factor *= scoring.agentAfterCue();
                }
                if (agent == null) {
                    // "a coalition of states led by New Jersey sued..."
                    PlaceMention place = places.stream().filter(p -> !p.demonym() && p.start() >= clause.start()
                            && p.end() <= hit.start()).reduce((x, y) -> y).orElse(null);
                    agent = place == null ? null : ActorResolver.placeAsActor(place);
                    factor = clauseFactor * scoring.placeAsActor();
                }
                if (agent == null || agent.foreign()) {
                    return null;
                }
                Side side = agent.federal() ? Side.PRESS : agent.stateOrLocal() ? Side.RESIST : null;
                return side == null ? null : new Candidate(clause, agent, null, side, hit, null, weight,
                        factor * agentFactor(agent), rule, List.of());
            }
            case SUE_PASSIVE -> {
                if (negated) {
                    return null;
                }
                List<PlaceMention> targets = subject != null && subject.stateOrLocal()
                        ? subject.agents().stream().filter(a -> a.place() != null)
                        .map(a -> new PlaceMention(a.placeStart(), a.placeEnd(), a.place(), false)).toList()
                        : List.of();
                ActorMention agent = firstAfter(clause, hit.end(), m -> !m.judicial());
                double factor = clauseFactor;
                if (agent == null) {
                    agent = inherited(clause, true, before);
                    factor *= scoring.inheritedAgent();
                }
                if (agent == null && subject != null && subject.stateOrLocal()) {
                    return new Candidate(clause, null, impliedFederal(hit), Side.PRESS, hit, null, weight,
                            clauseFactor * scoring.impliedFederalAgent(), rule + "+implied-federal", targets);
                }
                if (agent == null || !(agent.federal() || agent.stateOrLocal())) {
                    return null;
                }
                return new Candidate(clause, agent, null, agent.federal() ? Side.PRESS : Side.RESIST, hit, null,
                        weight, factor, rule, targets);
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * A state or local policy instrument about sensitive places (guidelines for schools facing immigration
     * agents) protects them. There is no federal counterpart: a federal actor near an instrument word takes no
     * stance without a cue.
     */
    private Candidate protectivePolicy(Clause clause) {
        List<Hit> clauseCues = cuesIn(clause.start(), clause.end());
        Hit instrument = clauseCues.stream().filter(h -> !inTarget(h.start()) && isPolicyInstrument(cue(h)))
                .findFirst().orElse(null);
        if (instrument == null) {
            return null;
        }
        ActorMention subject = subject(clause, clause.end());
        if (subject != null && subject.federal()) {
            return null;
        }
        boolean sensitive = clauseCues.stream()
                .anyMatch(h -> cue(h).topic() == PolicyTopic.SENSITIVE_LOCATIONS)
                || actorsIn(clause).stream().anyMatch(a -> a.first().impliedTopic() == PolicyTopic.SENSITIVE_LOCATIONS);
        ActorMention local = actorsIn(clause).stream()
                .filter(a -> a.stateOrLocal() && a.explicit() && !a.inTarget()).findFirst().orElse(null);
        if (sensitive && local != null && (subject == null || !subject.foreign())) {
            return new Candidate(clause, local, null, Side.RESIST, instrument, null, scoring.protectiveDefault(),
                    clauseFactor(clause), "default:protective-policy", List.of());
        }
        return null;
    }

    private static boolean isPolicyInstrument(RuleFiles.CueDef cue) {
        Instrument instrument = cue.instrument();
        return cue.kind() == CueKind.NONE && instrument != null
                && (instrument == Instrument.MEMO || instrument == Instrument.DIRECTIVE
                || instrument == Instrument.EXECUTIVE_ORDER || instrument == Instrument.GUIDANCE
                || instrument == Instrument.LAW || instrument == Instrument.ORDINANCE);
    }

    private double clauseFactor(Clause clause) {
        double factor = clause.subordinate() ? scoring.subordinateClause() : 1.0;
        return clause.sentence() == 0 ? factor : factor * scoring.laterSentence();
    }

    private double agentFactor(ActorMention agent) {
        double factor = agent.explicit() ? 1.0 : scoring.placeAsActor();
        return agent.agents().stream().allMatch(a -> a.place() == null) && agent.stateOrLocal()
                ? factor * scoring.unknownJurisdiction() : factor;
    }

    private boolean isNegator(Hit hit, boolean judgeInClause) {
        RuleFiles.CueDef cue = cue(hit);
        return cue.kind() == CueKind.NEGATOR || cue.kind() == CueKind.REFUSAL
                || (cue.negatesWithoutJudge() && !judgeInClause);
    }

    private boolean isProtection(Hit hit) {
        return cue(hit).kind() == CueKind.OBSTRUCT && !cue(hit).opposesProtections();
    }

    /**
     * "The Ohio attorney general warned Columbus that ending its ICE agreement would break state law": a state
     * actor threatening a city or county over cooperation pushes it to cooperate.
     */
    private boolean pressesLocalityToCooperate(Clause clause, ActorMention subject, Hit threat) {
        boolean stateLevel = subject.agents().stream().allMatch(a -> a.level() == GovernmentLevel.STATE);
        boolean localAfter = places.stream().anyMatch(p -> p.start() >= threat.end() && p.start() < clause.end()
                && p.place().kind() != org.policyradar.avro.JurisdictionKind.STATE && p.domestic())
                || actors.stream().anyMatch(a -> a.start() >= threat.end() && a.start() < clause.end()
                && a.agents().stream().allMatch(g -> g.level() == GovernmentLevel.LOCAL));
        boolean cooperation = cuesIn(threat.end(), clause.end()).stream()
                .anyMatch(h -> cue(h).kind() == CueKind.COOPERATE);
        return stateLevel && localAfter && cooperation;
    }

    private boolean lawsuitRightAfter(Clause clause, Hit hit) {
        return cuesIn(hit.end(), clause.end()).stream()
                .anyMatch(h -> (cue(h).kind() == CueKind.SUE || cue(h).kind() == CueKind.SUE_PASSIVE)
                        && wordsBetween(hit.end(), h.start()) <= 3);
    }

    private static boolean opposite(CueKind a, CueKind b) {
        return (a == CueKind.COOPERATE && b == CueKind.OBSTRUCT) || (a == CueKind.OBSTRUCT && b == CueKind.COOPERATE);
    }

    /** The negator is close enough before the cue, with nothing that ends its scope in between. */
    private boolean negates(Hit negator, Hit cue) {
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
        String between = " " + folded.substring(negator.end(), cue.start()).replaceAll("[^a-z' ]", " ")
                .replaceAll("\\s+", " ").strip() + " ";
        for (String breaker : grammar.negationBreakers()) {
            if (between.contains(" " + breaker + " ")) {
                return false;
            }
        }
        return true;
    }

    private int wordsBetween(int from, int to) {
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

    /** A federal actor or an immigration-enforcement phrase near the cue: what it acts on. */
    private boolean hasObject(Clause clause, Hit hit) {
        if (cue(hit).context()) {
            return true;
        }
        int window = grammar.objectWindowWords();
        for (ActorMention actor : actorsIn(clause)) {
            if ((actor.federal() || actor.context()) && near(actor.start(), actor.end(), hit, window)) {
                return true;
            }
        }
        for (Hit other : cuesIn(clause.start(), clause.end())) {
            if (other != hit && cue(other).context() && near(other.start(), other.end(), hit, window)) {
                return true;
            }
        }
        return false;
    }

    private boolean near(int start, int end, Hit hit, int window) {
        if (start >= hit.end()) {
            return wordsBetween(hit.end(), start) <= window;
        }
        if (end <= hit.start()) {
            return wordsBetween(end, hit.start()) <= window;
        }
        return true;
    }

    /** "ICE raids", "raids by ICE": the cue describes the federal actor next to it, not the clause's subject. */
    private boolean federalNextTo(Hit hit) {
        for (ActorMention actor : actors) {
            if (!actor.federal()) {
                continue;
            }
            if (actor.end() <= hit.start() && wordsBetween(actor.end(), hit.start()) <= 1) {
                return true;
            }
            if (actor.start() >= hit.end() && folded.substring(hit.end(), actor.start()).matches("\\s+(?:by|from)\\s+(?:the\\s+)?")) {
                return true;
            }
        }
        return false;
    }

    private boolean federalRightAfter(Clause clause, Hit hit) {
        for (ActorMention actor : actors) {
            if (actor.federal() && actor.start() >= hit.end() && actor.start() < clause.end()
                    && wordsBetween(hit.end(), actor.start()) <= 2) {
                return true;
            }
        }
        return false;
    }

    private boolean sentenceHasGenericTarget(Clause clause) {
        Sentence sentence = sentences.get(clause.sentence());
        return firstTargetIn(sentence.start(), sentence.end()) != null;
    }

    private Agent impliedFederal(Hit hit) {
        RuleFiles.ActorDef government = rules.actor("US-GOV");
        return new Agent(government.id(), government.name(), government.level(), government.branch(), null,
                hit.start(), hit.end(), "implied-federal", null, false);
    }

    // ---------------------------------------------------------------- actors around a cue

    private List<ActorMention> actorsIn(Clause clause) {
        return actors.stream().filter(a -> !a.inTarget() && a.start() >= clause.start() && a.start() < clause.end())
                .toList();
    }

    /** The first actor of the clause before the cue. */
    private ActorMention subject(Clause clause, int before) {
        return actorsIn(clause).stream().filter(a -> a.start() < before).findFirst().orElse(null);
    }

    private ActorMention nearestStateOrLocalBefore(Clause clause, int before, int from) {
        return nearestBefore(clause, before, from, ActorMention::stateOrLocal);
    }

    private ActorMention nearestBefore(Clause clause, int before, int from,
                                       java.util.function.Predicate<ActorMention> accept) {
        ActorMention nearest = null;
        for (ActorMention actor : actorsIn(clause)) {
            if (actor.start() >= from && actor.end() <= before && accept.test(actor)) {
                nearest = actor;
            }
        }
        return nearest;
    }

    private ActorMention firstAfter(Clause clause, int after, java.util.function.Predicate<ActorMention> accept) {
        return actorsIn(clause).stream().filter(a -> a.start() >= after && accept.test(a)).findFirst().orElse(null);
    }

    /** Same actor, or the nearer one has only the place it borrowed from the item: keep the subject. */
    private static boolean sameOrNoOwnPlace(ActorMention subject, ActorMention nearer) {
        if (nearer.agents().stream().allMatch(a -> a.place() == null || a.placeRule().startsWith("nearby-place"))) {
            return true;
        }
        return subject.agents().stream().map(a -> a.place() == null ? null : a.place().code()).toList()
                .equals(nearer.agents().stream().map(a -> a.place() == null ? null : a.place().code()).toList());
    }

    /** The actor of an earlier decision, or else the last actor named before this clause, of the wanted side. */
    private ActorMention inherited(Clause clause, boolean federal, List<Candidate> earlier) {
        for (int i = earlier.size() - 1; i >= 0; i--) {
            ActorMention agent = earlier.get(i).agent();
            if (agent != null && (federal ? agent.federal() : agent.stateOrLocal()) && agent.explicit()) {
                return agent;
            }
        }
        ActorMention last = null;
        for (ActorMention actor : actors) {
            if (actor.start() < clause.start() && !actor.inTarget() && actor.explicit()
                    && (federal ? actor.federal() : actor.stateOrLocal())) {
                last = actor;
            }
        }
        return last;
    }

    // ---------------------------------------------------------------- the item's side

    /**
     * A second actor's position reported in a main clause of its own ("the Justice Department sued the state;
     * the governor vowed to fight"): kept beside the item's side when its actor is named, not inherited.
     */
    private boolean isOwnPosition(Candidate candidate, Side primary) {
        if (primary == Side.JUDICIAL || candidate.clause().subordinate() || candidate.agent() == null
                || !candidate.agent().explicit() || candidate.agent().inTarget()) {
            return false;
        }
        if (isNominal(candidate.cue()) || isPossessive(candidate.agent()) || isAccusedOf(candidate)
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

    private static final java.util.Set<String> NOUN_DETERMINERS = java.util.Set.of("the", "a", "an", "its", "his",
            "her", "their", "our", "of", "for", "on", "against", "about", "amid", "over", "new", "sweeping", "mass",
            "planned", "federal", "immigration", "recent", "ongoing", "latest", "continued", "further", "expected",
            "possible", "future", "ice", "large-scale", "aggressive", "stepped-up");

    /**
     * A cue used as a noun ("the raids", "his deportation plan", "penalties") names an action; only a predicate
     * ("raided", "will deport") says that someone takes it.
     */
    private boolean isNominal(Hit cue) {
        String phrase = folded.substring(cue.start(), cue.end());
        if (phrase.matches(".*(tions?|sions?|ments?|ties|ance|ances|ies|als)$") || phrase.startsWith("mass ")) {
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

    private static final Pattern ACCUSATION = Pattern.compile(
            "\\b(alleg\\w*|accus\\w*|claim\\w*|saying|says|said|argu\\w*|contend\\w*|over)\\b");

    /** "DOJ sued Boston, alleging the city obstructs enforcement": the city's stance is the claim of another. */
    private boolean isAccusedOf(Candidate candidate) {
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
    private boolean isObjectOfAStance(Candidate candidate) {
        int agentStart = candidate.agent().start();
        int from = candidate.clause().start();
        int and = folded.lastIndexOf(", and ", agentStart);
        if (and >= from) {
            from = and;
        }
        int start = from;
        return cues.stream().anyMatch(h -> h.start() >= start && h.end() <= agentStart && cue(h).kind().isStance());
    }

    /** "Trump's plan", "ICE's raids": a possessive names whose something is, not who acts. */
    private boolean isPossessive(ActorMention agent) {
        return folded.startsWith("'s", agent.end()) || folded.startsWith("’s", agent.end());
    }

    private static Side primarySide(List<Candidate> candidates) {
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

    // ---------------------------------------------------------------- positions

    private List<PolicyPosition> positionsOf(Candidate candidate) {
        List<PolicyPosition> positions = new ArrayList<>();
        Map<PolicyTopic, Evidence> topics = topicsOf(candidate);
        for (Agent agent : candidate.agents()) {
            Evidence instrumentEvidence = instrumentOf(candidate, agent.level());
            Instrument instrument = instrumentEvidence == null ? Instrument.UNKNOWN
                    : Instrument.valueOf(instrumentEvidence.getRule().substring(instrumentEvidence.getRule()
                    .lastIndexOf(':') + 1));
            for (Map.Entry<Jurisdiction, Evidence> jurisdiction : jurisdictionsOf(candidate, agent).entrySet()) {
                for (Map.Entry<PolicyTopic, Evidence> topic : topics.entrySet()) {
                    List<Evidence> evidence = new ArrayList<>();
                    evidence.add(actorEvidence(candidate, agent));
                    evidence.add(levelEvidence(candidate, agent));
                    evidence.add(jurisdiction.getValue());
                    evidence.add(topic.getValue());
                    evidence.add(stanceEvidence(candidate));
                    if (instrumentEvidence != null) {
                        evidence.add(instrumentEvidence);
                    }
                    positions.add(PolicyPosition.newBuilder()
                            .setActorId(agent.id())
                            .setActorName(agent.name())
                            .setLevel(agent.level())
                            .setBranch(agent.branch())
                            .setJurisdiction(jurisdiction.getKey())
                            .setTopic(topic.getKey())
                            .setStance(stanceOf(candidate.side()))
                            .setInstrument(candidate.side() == Side.JUDICIAL ? Instrument.RULING : instrument)
                            .setConfidence(round(Math.min(1.0, Math.max(0.0, candidate.confidence()))))
                            .setEvidence(evidence)
                            .build());
                }
            }
        }
        return positions;
    }

    private static Stance stanceOf(Side side) {
        return switch (side) {
            case PRESS -> Stance.PRESS;
            case RESIST -> Stance.RESIST;
            case ALIGN -> Stance.ALIGN;
            case JUDICIAL, NEUTRAL -> Stance.NEUTRAL;
        };
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }

    private Map<Jurisdiction, Evidence> jurisdictionsOf(Candidate candidate, Agent agent) {
        Map<Jurisdiction, Evidence> result = new LinkedHashMap<>();
        if (candidate.side() == Side.PRESS && agent.federal()) {
            Sentence sentence = sentences.get(candidate.clause().sentence());
            int[] target = firstTargetIn(sentence.start(), sentence.end());
            Hit marker = cuesIn(sentence.start(), sentence.end()).stream()
                    .filter(h -> cue(h).nationwide()).findFirst().orElse(null);
            if (marker != null && (target == null || marker.start() < target[0])) {
                result.put(Gazetteer.NATIONWIDE.toJurisdiction(),
                        evidence(EvidenceField.JURISDICTION, marker.start(), marker.end(), "scope:" + cue(marker).id()));
                return result;
            }
            if (target != null) {
                int end = Math.min(target[1], sentence.end());
                result.put(Gazetteer.NATIONWIDE.toJurisdiction(),
                        evidence(EvidenceField.JURISDICTION, target[0], end, "scope:generic-target"));
                return result;
            }
            List<PlaceMention> targets = new ArrayList<>(candidate.targets());
            Clause clause = candidate.clause();
            places.stream().filter(p -> p.domestic() && p.start() >= clause.start() && p.start() < clause.end())
                    .forEach(targets::add);
            String rule = "scope:targeted";
            if (targets.isEmpty() && aimsAtPlaces(candidate)) {
                places.stream().filter(p -> p.domestic() && sentence.contains(p.start())).forEach(targets::add);
                if (targets.isEmpty()) {
                    places.stream().filter(PlaceMention::domestic).forEach(targets::add);
                }
                rule = "scope:targeted-in-item";
            }
            if (targets.isEmpty()) {
                places.stream().filter(p -> p.foreign() && p.start() >= clause.start() && p.start() < clause.end())
                        .findFirst().ifPresent(targets::add);
                rule = "scope:foreign";
            }
            for (PlaceMention place : targets) {
                result.putIfAbsent(place.place().toJurisdiction(),
                        evidence(EvidenceField.JURISDICTION, place.start(), place.end(), rule + ":" + place.place().code()));
            }
            if (result.isEmpty()) {
                int[] span = agentSpan(candidate, agent);
                result.put(Gazetteer.NATIONWIDE.toJurisdiction(),
                        evidence(EvidenceField.JURISDICTION, span[0], span[1], "scope:default-nationwide"));
            }
            return result;
        }
        if (agent.place() != null) {
            result.put(agent.place().toJurisdiction(),
                    evidence(EvidenceField.JURISDICTION, agent.placeStart(), agent.placeEnd(), agent.placeRule()));
        } else {
            int[] span = agentSpan(candidate, agent);
            Gazetteer.Place place = agent.level() == GovernmentLevel.FEDERAL ? Gazetteer.NATIONWIDE : Gazetteer.UNKNOWN;
            result.put(place.toJurisdiction(), evidence(EvidenceField.JURISDICTION, span[0], span[1],
                    place == Gazetteer.NATIONWIDE ? "scope:federal-actor" : "jurisdiction:unresolved"));
        }
        return result;
    }

    /** Operations and lawsuits always have a place: when the clause names none, the item does. */
    private boolean aimsAtPlaces(Candidate candidate) {
        RuleFiles.CueDef cue = candidate.cue().entry().rule() instanceof RuleFiles.CueDef c ? c : null;
        return cue != null && (cue.kind() == CueKind.SUE || cue.kind() == CueKind.SUE_PASSIVE
                || cue.instrument() == Instrument.OPERATION);
    }

    private Map<PolicyTopic, Evidence> topicsOf(Candidate candidate) {
        Map<PolicyTopic, Evidence> topics = new EnumMap<>(PolicyTopic.class);
        Clause clause = candidate.clause();
        addTopics(topics, clause.start(), clause.end(), candidate);
        for (Agent agent : candidate.agents()) {
            if (agent.impliedTopic() != null && !topics.containsKey(agent.impliedTopic())) {
                int[] span = agentSpan(candidate, agent);
                topics.put(agent.impliedTopic(), evidence(EvidenceField.TOPIC, span[0], span[1],
                        "topic:implied-by-actor:" + agent.id()));
            }
        }
        if (topics.isEmpty()) {
            Sentence sentence = sentences.get(clause.sentence());
            addTopics(topics, sentence.start(), sentence.end(), candidate);
        }
        if (topics.isEmpty()) {
            Hit cue = candidate.cue();
            topics.put(scoring.defaultTopic(), evidence(EvidenceField.TOPIC, cue.start(), cue.end(), "topic:default"));
        }
        return topics;
    }

    private void addTopics(Map<PolicyTopic, Evidence> topics, int from, int to, Candidate candidate) {
        for (Hit hit : cuesIn(from, to)) {
            PolicyTopic topic = cue(hit).topic();
            CueKind kind = cue(hit).kind();
            // "agents will be allowed to make arrests at churches": a federal action, not a question of cooperation
            if (candidate.side() == Side.PRESS && hit != candidate.cue()
                    && (kind == CueKind.COOPERATE || kind == CueKind.OBSTRUCT || kind == CueKind.REFUSAL)) {
                continue;
            }
            if (topic != null && !topics.containsKey(topic)) {
                topics.put(topic, evidence(EvidenceField.TOPIC, hit.start(), hit.end(), "topic:" + cue(hit).id()));
            }
        }
    }

    private Evidence instrumentOf(Candidate candidate, GovernmentLevel level) {
        Clause clause = candidate.clause();
        Evidence inClause = instrumentIn(candidate, level, clause.start(), clause.end());
        if (inClause != null) {
            return inClause;
        }
        Sentence sentence = sentences.get(clause.sentence());
        return instrumentIn(candidate, level, sentence.start(), sentence.end());
    }

    private Evidence instrumentIn(Candidate candidate, GovernmentLevel level, int from, int to) {
        int anchor = candidate.agent() != null && candidate.agent().start() >= from && candidate.agent().start() < to
                ? candidate.agent().start() : candidate.cue().start();
        Hit best = null;
        int bestRank = Integer.MAX_VALUE;
        for (Hit hit : cuesIn(from, to)) {
            RuleFiles.CueDef cue = cue(hit);
            Instrument instrument = cue.instrument();
            if (instrument == null || inTarget(hit.start())
                    || (!cue.levels().isEmpty() && !cue.levels().contains(level))
                    || (instrument == Instrument.RULING && candidate.side() != Side.JUDICIAL)
                    || (instrument == Instrument.LAWSUIT && hit != candidate.cue())) {
                continue;
            }
            int distance = Math.abs(hit.start() - anchor);
            int rank = (instrument == Instrument.STATEMENT ? 1_000_000 : 0) + distance;
            if (rank < bestRank) {
                best = hit;
                bestRank = rank;
            }
        }
        return best == null ? null : evidence(EvidenceField.INSTRUMENT, best.start(), best.end(),
                "cue:" + cue(best).id() + ":" + cue(best).instrument());
    }

    private int[] agentSpan(Candidate candidate, Agent agent) {
        if (candidate.agent() != null) {
            return new int[] {candidate.agent().start(), candidate.agent().end()};
        }
        return new int[] {agent.placeStart(), agent.placeEnd()};
    }

    private Evidence actorEvidence(Candidate candidate, Agent agent) {
        int[] span = agentSpan(candidate, agent);
        String rule = candidate.agent() != null ? candidate.agent().rule() : "actor:implied-federal:" + agent.id();
        return evidence(EvidenceField.ACTOR, span[0], span[1], rule);
    }

    private Evidence levelEvidence(Candidate candidate, Agent agent) {
        int[] span = agentSpan(candidate, agent);
        return evidence(EvidenceField.LEVEL, span[0], span[1], "level:" + agent.level() + "/" + agent.branch());
    }

    private Evidence stanceEvidence(Candidate candidate) {
        int start = candidate.negator() != null ? Math.min(candidate.negator().start(), candidate.cue().start())
                : candidate.cue().start();
        return evidence(EvidenceField.STANCE, start, candidate.cue().end(), candidate.rule());
    }

    private Evidence evidence(EvidenceField field, int start, int end, String rule) {
        return Evidence.newBuilder().setField(field).setPhrase(text.substring(start, end)).setStart(start).setEnd(end)
                .setRule(rule).build();
    }

    private static List<PolicyPosition> deduplicated(List<PolicyPosition> positions) {
        Map<String, PolicyPosition> best = new LinkedHashMap<>();
        for (PolicyPosition position : positions) {
            String key = position.getActorId() + "|" + position.getTopic() + "|"
                    + position.getJurisdiction().getCode() + "|" + position.getStance();
            PolicyPosition existing = best.get(key);
            if (existing == null || position.getConfidence() > existing.getConfidence()) {
                best.put(key, position);
            }
        }
        List<PolicyPosition> result = new ArrayList<>(best.values());
        result.sort(Comparator.comparingInt((PolicyPosition p) -> stanceStart(p))
                .thenComparing(PolicyPosition::getActorId)
                .thenComparing(PolicyPosition::getTopic)
                .thenComparing(p -> p.getJurisdiction().getCode()));
        return result;
    }

    private static int stanceStart(PolicyPosition position) {
        return position.getEvidence().stream().filter(e -> e.getField() == EvidenceField.STANCE)
                .mapToInt(Evidence::getStart).findFirst().orElse(Integer.MAX_VALUE);
    }

    // ---------------------------------------------------------------- helpers

    private List<Hit> cuesIn(int from, int to) {
        return cues.stream().filter(h -> h.start() >= from && h.start() < to).toList();
    }

    private Clause clauseAt(int offset) {
        for (Sentence sentence : sentences) {
            for (Clause clause : sentence.clauses()) {
                if (clause.contains(offset)) {
                    return clause;
                }
            }
        }
        return null;
    }

    private static RuleFiles.CueDef cue(Hit hit) {
        return (RuleFiles.CueDef) hit.entry().rule();
    }

    @Override
    public String toString() {
        return "ItemAnalysis[" + Objects.requireNonNullElse(text, "") + "]";
    }
}
