package org.policyradar.streams.enrich;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.policyradar.avro.GovernmentLevel;
import org.policyradar.avro.JurisdictionKind;
import org.policyradar.avro.PolicyPosition;
import org.policyradar.streams.enrich.Candidate.Side;
import org.policyradar.streams.enrich.Mentions.ActorMention;
import org.policyradar.streams.enrich.Mentions.Agent;
import org.policyradar.streams.enrich.Mentions.PlaceMention;
import org.policyradar.streams.enrich.PhraseIndex.Hit;
import org.policyradar.streams.enrich.Segmenter.Clause;
import org.policyradar.streams.enrich.Segmenter.Sentence;

/**
 * The enrichment of one text. Reads each clause: the agent of each stance cue (its subject, the speaker of
 * reported speech, the agent of a passive, a headline speaker), the negations that reach the cue, and decides
 * who takes which side; a stance always rests on a cue, never on an actor near an instrument word. Which of
 * these decisions become positions is {@link ItemSides}' business (the item's side, and second actors of their
 * own); {@link PositionBuilder} gives each its jurisdiction, topics, instrument and evidence.
 */
final class ItemAnalysis {

    private final TextFacts facts;
    private final ItemSides sides;
    private final PositionBuilder builder;
    private final RuleSet rules;
    private final String text;
    private final List<Sentence> sentences;
    private final List<PlaceMention> places;
    private final List<ActorMention> actors;
    private final RuleFiles.Scoring scoring;
    private final FederalAim aim;
    private final Constructions constructions;

    ItemAnalysis(RuleSet rules, Segmenter segmenter, ActorResolver resolver, String text) {
        this.facts = new TextFacts(rules, segmenter, resolver, text);
        this.sides = new ItemSides(facts);
        this.builder = new PositionBuilder(facts);
        this.rules = rules;
        this.text = text;
        this.sentences = facts.sentences;
        this.places = facts.places;
        this.actors = facts.actors;
        this.scoring = facts.scoring;
        this.aim = new FederalAim(facts);
        this.constructions = new Constructions(facts);
    }

    List<PolicyPosition> positions() {
        if (!facts.hasContext()) {
            return List.of();
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Sentence sentence : sentences) {
            candidates.addAll(sentenceCandidates(sentence, candidates));
        }
        candidates.replaceAll(aim::apply);
        candidates.removeIf(c -> c.side() != Side.JUDICIAL && c.side() != Side.NEUTRAL
                && c.confidence() < scoring.minConfidence());
        // "... after ICE arrests": an action named in a background clause is a mention, not a position
        candidates.removeIf(c -> c.clause().subordinate() && c.side() != Side.JUDICIAL && facts.isNominal(c.cue()));
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
            }
            found.addAll(inClause);
        }
        if (judicialMain) {
            found.removeIf(c -> c.side() != Side.JUDICIAL);
        }
        // a sentence whose main clause is about a foreign government is foreign news: its background is too
        boolean foreignMain = sentence.clauses().stream()
                .anyMatch(c -> !c.subordinate() && facts.subject(c, c.end()) != null && facts.subject(c, c.end()).foreign());
        if (foreignMain) {
            found.removeIf(c -> c.clause().subordinate());
        }
        boolean report = facts.cuesIn(sentence.start(), sentence.end()).stream()
                .anyMatch(h -> TextFacts.cue(h).kind() == CueKind.REPORT);
        if (report) {
            found.replaceAll(c -> c.side() == Side.JUDICIAL ? c : new Candidate(c.clause(), c.agent(), c.implied(),
                    Side.NEUTRAL, c.cue(), c.negator(), c.weight(), c.factor(), c.rule() + "+report", c.targets()));
        }
        return found;
    }

    private Candidate judicialCandidate(Clause clause) {
        List<ActorMention> inClause = facts.actorsIn(clause);
        ActorMention judge = inClause.stream().filter(ActorMention::judicial).findFirst().orElse(null);
        if (judge == null) {
            return null;
        }
        Hit ruling = facts.cuesIn(clause.start(), clause.end()).stream()
                .filter(h -> TextFacts.cue(h).kind() == CueKind.RULING).findFirst().orElse(null);
        boolean judgeIsSubject = inClause.get(0) == judge;
        if (ruling == null && !judgeIsSubject) {
            return null;
        }
        Hit cue = ruling != null ? ruling : new Hit(judge.start(), judge.end(),
                new PhraseIndex.Entry(PhraseIndex.Category.ACTOR, judge, text.substring(judge.start(), judge.end()),
                        false));
        return new Candidate(clause, judge, null, Side.JUDICIAL, cue, null, 0.8, clauseFactor(clause),
                ruling != null ? "cue:" + TextFacts.cue(ruling).id() : "court-as-subject", List.of());
    }

    private List<Candidate> clauseCandidates(Clause clause, List<Candidate> earlier) {
        List<Candidate> found = new ArrayList<>();
        List<Hit> clauseCues = facts.cuesIn(clause.start(), clause.end());
        boolean judgeInClause = facts.actorsIn(clause).stream().anyMatch(ActorMention::judicial);
        List<Hit> negators = clauseCues.stream().filter(h -> facts.isNegator(h, judgeInClause)).toList();
        List<Hit> allStanceCues = clauseCues.stream()
                .filter(h -> !facts.inTarget(h.start()) && TextFacts.cue(h).kind().isStance())
                .toList();
        List<Hit> stanceCues = allStanceCues;
        // "oppose the state sanctuary law": opposing a protection negates it rather than resisting anything
        List<Hit> opposing = allStanceCues.stream().filter(h -> TextFacts.cue(h).opposesProtections() && allStanceCues.stream()
                .anyMatch(o -> o != h && facts.isProtection(o) && facts.negates(h, o))).toList();
        if (!opposing.isEmpty()) {
            List<Hit> moreNegators = new ArrayList<>(negators);
            moreNegators.addAll(opposing);
            negators = moreNegators;
            stanceCues = stanceCues.stream().filter(h -> !opposing.contains(h)).toList();
        }
        List<Hit> refusals = new ArrayList<>();
        for (Hit negator : negators) {
            boolean standalone = TextFacts.cue(negator).kind() == CueKind.REFUSAL || TextFacts.cue(negator).negatesWithoutJudge();
            if (standalone && !facts.inTarget(negator.start())
                    && stanceCues.stream().noneMatch(c -> facts.negates(negator, c))) {
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
        RuleFiles.CueDef cue = TextFacts.cue(hit);
        CueKind kind = refusal ? CueKind.OBSTRUCT : cue.kind();
        int negations = 0;
        Hit firstNegator = null;
        if (!refusal && !cue.unnegatable()) {
            List<Hit> reaching = new ArrayList<>();
            for (Hit negator : negators) {
                if (facts.negates(negator, hit)) {
                    reaching.add(negator);
                }
            }
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
        ActorMention subject = facts.subject(clause, hit.start());
        if (subject != null && subject.foreign()) {
            return null;
        }
        String rule = "cue:" + cue.id() + (negations > 0 ? "+negations:" + negations : "");
        List<Candidate> before = new ArrayList<>(earlier);
        before.addAll(inClause);

        switch (kind) {
            case COOPERATE, OBSTRUCT -> {
                if (cue.needsObject() && !facts.hasObject(clause, hit)) {
                    return null;
                }
                // "condemned violence against ICE agents": opposing an attack on agents resists no enforcement
                if (kind == CueKind.OBSTRUCT && !refusal && negations == 0 && constructions.attackAfter(clause, hit)) {
                    return null;
                }
                // "raids were paused after a call with the mayor": a passive halt names no actor unless "by" does
                if (refusal && cue.negatesWithoutJudge() && constructions.isPassive(hit) && !constructions.byAfter(hit)) {
                    return null;
                }
                // "help", "allow", "work with" cooperate only when a federal agency is what they help or let in
                // "allow", "grant access" cooperate only when a federal agency is what they let in
                if (kind == CueKind.COOPERATE && polarity > 0 && cue.alignsWithAgencyOnly()
                        && !agencyAfter(clause, hit)) {
                    return null;
                }
                // "joined a lawsuit", "participating in a lawsuit": the lawsuit decides, not the joining
                if (kind == CueKind.COOPERATE && lawsuitRightAfter(clause, hit)) {
                    return null;
                }
                if (constructions.inRelativeOfNonActor(clause, subject, hit)) {
                    return null;
                }
                // "will support immigrant families", "help migrants find shelter": helping people, not enforcement
                if (kind == CueKind.COOPERATE && polarity > 0 && !cue.context() && constructions.objectIsPeople(clause, hit)) {
                    return null;
                }
                // "Homan urged sheriffs to honor detainers": the help is what the demander asks of its object
                Hit demand = constructions.demandBefore(clause, hit);
                if (demand != null) {
                    return demanded(clause, hit, demand, polarity, firstNegator, weight, rule);
                }
                ActorMention local = facts.nearestStateOrLocalBefore(clause, hit.start(),
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
                    ActorMention after = facts.firstAfter(clause, hit.end(), ActorMention::stateOrLocal);
                    if (after != null && after.explicit()) {
                        return new Candidate(clause, after, null, polarity > 0 ? Side.ALIGN : Side.RESIST, hit,
                                firstNegator, weight, clauseFactor * scoring.agentAfterCue(), rule, List.of());
                    }
                    return null;
                }
                if (subject == null) {
                    ActorMention after = facts.firstAfter(clause, hit.end(), ActorMention::stateOrLocal);
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
                if (cue.needsObject() && !facts.hasObject(clause, hit)) {
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
                // "protesters rallied against ICE raids": an action named as what others oppose is a mention;
                // "raids in the city were called off": an action reported as halted is a retreat, not pressure
                int opposed = facts.isNominal(hit) ? constructions.objectOfOpposition(hit) : -1;
                if ((opposed >= 0 && (subject == null || !subject.explicit() || subject.start() >= opposed))
                        || constructions.haltedAfter(clause, hit)) {
                    return null;
                }
                if (subject != null && subject.federal()) {
                    return constructions.isHelpedParty(clause, subject, hit) ? null
                            : new Candidate(clause, subject, null, Side.PRESS, hit, null, weight, clauseFactor, rule,
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
                    if (kind == CueKind.THREAT || cue.federalOnly() || facts.federalNextTo(hit) || facts.isNominal(hit)) {
                        return null;
                    }
                    // a city prosecuting or investigating federal agents acts against enforcement
                    Side side = facts.federalRightAfter(clause, hit) ? Side.RESIST : Side.ALIGN;
                    return new Candidate(clause, subject, null, side, hit, null, weight, clauseFactor, rule,
                            List.of());
                }
                // no subject, or a place standing as subject ("Chicago braces for an ICE surge")
                int from = subject == null ? clause.start() : subject.start();
                ActorMention federal = facts.nearestBefore(clause, hit.start(), from, ActorMention::federal);
                double factor = clauseFactor;
                if (federal == null) {
                    federal = facts.firstAfter(clause, hit.end(), ActorMention::federal);
                    factor *= scoring.agentAfterCue();
                }
                if (federal == null && subject == null) {
                    federal = inherited(clause, true, before);
                    factor = clauseFactor * scoring.inheritedAgent();
                }
                // "troopers joined ICE agents in arrests": the agency a state or local actor helps is its partner
                if (federal != null && !constructions.isHelpedParty(clause, federal, hit)) {
                    return new Candidate(clause, federal, null, Side.PRESS, hit, null, weight, factor, rule,
                            List.of());
                }
                if (federal != null) {
                    return null;
                }
                if (kind == CueKind.THREAT && subject == null && facts.sentenceHasGenericTarget(clause)) {
                    return new Candidate(clause, null, impliedFederal(hit), Side.PRESS, hit, null, weight,
                            clauseFactor * scoring.impliedFederalAgent(), rule + "+implied-federal", List.of());
                }
                return null;
            }
            case SUE -> {
                if (negated || !facts.hasObject(clause, hit)) {
                    return null;
                }
                ActorMention agent = facts.nearestBefore(clause, hit.start(),
                        subject == null ? clause.start() : subject.start(), m -> !m.judicial());
                double factor = clauseFactor;
                if (agent == null) {
                    agent = facts.firstAfter(clause, hit.end(), m -> !m.judicial());
                    // "a legal challenge against the president's order": what the suit is against is its defendant
                    if (agent != null && constructions.isDefendant(hit, agent)) {
                        agent = null;
                    }
                    factor *= scoring.agentAfterCue();
                }
                if (agent == null) {
                    // "a coalition of states led by New Jersey sued..."
                    // ("advocates in Chicago sued": a place after "in" is where the plaintiffs are, not who sues)
                    PlaceMention place = places.stream().filter(p -> !p.demonym() && p.start() >= clause.start()
                            && p.end() <= hit.start() && !constructions.isLocative(p.start())).reduce((x, y) -> y).orElse(null);
                    agent = place == null ? null : ActorResolver.placeAsActor(place);
                    factor = clauseFactor * scoring.placeAsActor();
                }
                if (agent == null || agent.foreign()) {
                    return null;
                }
                // "the attorney general sued the city over its sanctuary policy": a state or local government suing
                // another one over its protections pushes it to cooperate
                if (agent.stateOrLocal() && constructions.suesLocalityOverProtection(clause, hit, agent)) {
                    return new Candidate(clause, agent, null, Side.ALIGN, hit, null, weight,
                            factor * agentFactor(agent), rule + "+over-protection", List.of());
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
                ActorMention agent = facts.firstAfter(clause, hit.end(), m -> !m.judicial());
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
     * Cooperation (or its refusal) demanded of someone else is the demander's position: a federal actor asking
     * for it presses the place of the actors it asks; a state or local actor asking for it aligns (or, asking
     * for a refusal, resists); nobody known asking, or a non-government demander, takes no side.
     */
    private Candidate demanded(Clause clause, Hit hit, Hit demand, int polarity, Hit negator, double weight,
                               String rule) {
        ActorMention demander = facts.subject(clause, demand.start());
        if (demander == null || demander.foreign() || demander.judicial()) {
            return null;
        }
        String demandedRule = rule + "+demanded";
        if (demander.federal()) {
            if (polarity < 0) {
                return null;
            }
            List<PlaceMention> targets = new ArrayList<>();
            for (ActorMention asked : facts.actorsIn(clause)) {
                if (asked.start() >= demand.end() && asked.end() <= hit.start() && asked.stateOrLocal()) {
                    asked.agents().stream().filter(a -> a.place() != null)
                            .forEach(a -> targets.add(new PlaceMention(a.placeStart(), a.placeEnd(), a.place(), false)));
                }
            }
            return new Candidate(clause, demander, null, Side.PRESS, hit, null, weight, clauseFactor(clause),
                    demandedRule, List.copyOf(targets));
        }
        if (demander.stateOrLocal()) {
            return new Candidate(clause, demander, null, polarity > 0 ? Side.ALIGN : Side.RESIST, hit, negator,
                    weight, clauseFactor(clause) * agentFactor(demander), demandedRule, List.of());
        }
        return null;
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

    /**
     * "The Ohio attorney general warned Columbus that ending its ICE agreement would break state law": a state
     * actor threatening a city or county over cooperation pushes it to cooperate.
     */
    private boolean pressesLocalityToCooperate(Clause clause, ActorMention subject, Hit threat) {
        boolean stateLevel = subject.agents().stream().allMatch(a -> a.level() == GovernmentLevel.STATE);
        boolean localAfter = places.stream().anyMatch(p -> p.start() >= threat.end() && p.start() < clause.end()
                && p.place().kind() != JurisdictionKind.STATE && p.domestic())
                || actors.stream().anyMatch(a -> a.start() >= threat.end() && a.start() < clause.end()
                && a.agents().stream().allMatch(g -> g.level() == GovernmentLevel.LOCAL));
        boolean cooperation = facts.cuesIn(threat.end(), clause.end()).stream()
                .anyMatch(h -> TextFacts.cue(h).kind() == CueKind.COOPERATE);
        return stateLevel && localAfter && cooperation;
    }

    private boolean agencyAfter(Clause clause, Hit hit) {
        ActorMention agency = facts.firstAfter(clause, hit.end(), ActorMention::federal);
        return agency != null && facts.wordsBetween(hit.end(), agency.start()) <= facts.grammar.objectWindowWords();
    }

    private boolean lawsuitRightAfter(Clause clause, Hit hit) {
        return facts.cuesIn(hit.end(), clause.end()).stream()
                .anyMatch(h -> (TextFacts.cue(h).kind() == CueKind.SUE || TextFacts.cue(h).kind() == CueKind.SUE_PASSIVE)
                        && facts.wordsBetween(hit.end(), h.start()) <= 3);
    }

    private Agent impliedFederal(Hit hit) {
        RuleFiles.ActorDef government = rules.actor("US-GOV");
        return new Agent(government.id(), government.name(), government.level(), government.branch(), null,
                hit.start(), hit.end(), "implied-federal", null, false);
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
}
