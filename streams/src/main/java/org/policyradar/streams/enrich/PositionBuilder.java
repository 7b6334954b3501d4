package org.policyradar.streams.enrich;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.policyradar.avro.Evidence;
import org.policyradar.avro.EvidenceField;
import org.policyradar.avro.GovernmentLevel;
import org.policyradar.avro.Instrument;
import org.policyradar.avro.Jurisdiction;
import org.policyradar.avro.PolicyPosition;
import org.policyradar.avro.PolicyTopic;
import org.policyradar.avro.Stance;
import org.policyradar.streams.enrich.Candidate.Side;
import org.policyradar.streams.enrich.Mentions.Agent;
import org.policyradar.streams.enrich.Mentions.PlaceMention;
import org.policyradar.streams.enrich.PhraseIndex.Hit;
import org.policyradar.streams.enrich.Segmenter.Clause;
import org.policyradar.streams.enrich.Segmenter.Sentence;

/**
 * Turns the decisions of an analysis into Avro positions: for each actor its jurisdictions (for a federal
 * action nationwide or the places it targets), topics and instrument, each with the phrase and rule that gave
 * it; then one position per actor, topic, place and stance, in text order.
 */
final class PositionBuilder {

    private final TextFacts facts;
    private final List<Sentence> sentences;
    private final List<PlaceMention> places;
    private final RuleFiles.Scoring scoring;

    PositionBuilder(TextFacts facts) {
        this.facts = facts;
        this.sentences = facts.sentences;
        this.places = facts.places;
        this.scoring = facts.scoring;
    }

    List<PolicyPosition> positionsOf(Candidate candidate) {
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

    static Stance stanceOf(Side side) {
        return switch (side) {
            case PRESS -> Stance.PRESS;
            case RESIST -> Stance.RESIST;
            case ALIGN -> Stance.ALIGN;
            case JUDICIAL, NEUTRAL -> Stance.NEUTRAL;
        };
    }

    static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }

    Map<Jurisdiction, Evidence> jurisdictionsOf(Candidate candidate, Agent agent) {
        Map<Jurisdiction, Evidence> result = new LinkedHashMap<>();
        if (candidate.side() == Side.PRESS && agent.federal()) {
            Sentence sentence = sentences.get(candidate.clause().sentence());
            int[] target = facts.firstTargetIn(sentence.start(), sentence.end());
            Hit marker = facts.cuesIn(sentence.start(), sentence.end()).stream()
                    .filter(h -> TextFacts.cue(h).nationwide()).findFirst().orElse(null);
            if (marker != null && (target == null || marker.start() < target[0])) {
                result.put(Gazetteer.NATIONWIDE.toJurisdiction(),
                        facts.evidence(EvidenceField.JURISDICTION, marker.start(), marker.end(), "scope:" + TextFacts.cue(marker).id()));
                return result;
            }
            if (target != null) {
                int end = Math.min(target[1], sentence.end());
                result.put(Gazetteer.NATIONWIDE.toJurisdiction(),
                        facts.evidence(EvidenceField.JURISDICTION, target[0], end, "scope:generic-target"));
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
                        facts.evidence(EvidenceField.JURISDICTION, place.start(), place.end(), rule + ":" + place.place().code()));
            }
            if (result.isEmpty()) {
                int[] span = agentSpan(candidate, agent);
                result.put(Gazetteer.NATIONWIDE.toJurisdiction(),
                        facts.evidence(EvidenceField.JURISDICTION, span[0], span[1], "scope:default-nationwide"));
            }
            return result;
        }
        if (agent.place() != null) {
            result.put(agent.place().toJurisdiction(),
                    facts.evidence(EvidenceField.JURISDICTION, agent.placeStart(), agent.placeEnd(), agent.placeRule()));
        } else {
            int[] span = agentSpan(candidate, agent);
            Gazetteer.Place place = agent.level() == GovernmentLevel.FEDERAL ? Gazetteer.NATIONWIDE : Gazetteer.UNKNOWN;
            result.put(place.toJurisdiction(), facts.evidence(EvidenceField.JURISDICTION, span[0], span[1],
                    place == Gazetteer.NATIONWIDE ? "scope:federal-actor" : "jurisdiction:unresolved"));
        }
        return result;
    }

    /** Operations and lawsuits always have a place: when the clause names none, the item does. */
    boolean aimsAtPlaces(Candidate candidate) {
        RuleFiles.CueDef cue = candidate.cue().entry().rule() instanceof RuleFiles.CueDef c ? c : null;
        return cue != null && (cue.kind() == CueKind.SUE || cue.kind() == CueKind.SUE_PASSIVE
                || cue.instrument() == Instrument.OPERATION);
    }

    Map<PolicyTopic, Evidence> topicsOf(Candidate candidate) {
        Map<PolicyTopic, Evidence> topics = new EnumMap<>(PolicyTopic.class);
        Clause clause = candidate.clause();
        addTopics(topics, clause.start(), clause.end(), candidate);
        for (Agent agent : candidate.agents()) {
            if (agent.impliedTopic() != null && !topics.containsKey(agent.impliedTopic())) {
                int[] span = agentSpan(candidate, agent);
                topics.put(agent.impliedTopic(), facts.evidence(EvidenceField.TOPIC, span[0], span[1],
                        "topic:implied-by-actor:" + agent.id()));
            }
        }
        // "Portland leaders resist ICE; Trump deploys troops": a clause aimed at the immigration agencies
        // themselves is about cooperation, not about what another clause of the sentence is about
        boolean aimedAtAgencies = facts.actorsIn(clause).stream().anyMatch(a -> a.federal() && a.context());
        if (topics.isEmpty() && !aimedAtAgencies) {
            Sentence sentence = sentences.get(clause.sentence());
            addTopics(topics, sentence.start(), sentence.end(), candidate);
        }
        if (topics.isEmpty()) {
            Hit cue = candidate.cue();
            topics.put(scoring.defaultTopic(), facts.evidence(EvidenceField.TOPIC, cue.start(), cue.end(), "topic:default"));
        }
        return topics;
    }

    void addTopics(Map<PolicyTopic, Evidence> topics, int from, int to, Candidate candidate) {
        for (Hit hit : facts.cuesIn(from, to)) {
            PolicyTopic topic = TextFacts.cue(hit).topic();
            CueKind kind = TextFacts.cue(hit).kind();
            // "agents will be allowed to make arrests at churches": a federal action, not a question of cooperation
            if (candidate.side() == Side.PRESS && hit != candidate.cue()
                    && (kind == CueKind.COOPERATE || kind == CueKind.OBSTRUCT || kind == CueKind.REFUSAL)) {
                continue;
            }
            if (topic != null && !topics.containsKey(topic)) {
                topics.put(topic, facts.evidence(EvidenceField.TOPIC, hit.start(), hit.end(), "topic:" + TextFacts.cue(hit).id()));
            }
        }
    }

    Evidence instrumentOf(Candidate candidate, GovernmentLevel level) {
        Clause clause = candidate.clause();
        Evidence inClause = instrumentIn(candidate, level, clause.start(), clause.end());
        if (inClause != null) {
            return inClause;
        }
        Sentence sentence = sentences.get(clause.sentence());
        return instrumentIn(candidate, level, sentence.start(), sentence.end());
    }

    Evidence instrumentIn(Candidate candidate, GovernmentLevel level, int from, int to) {
        int anchor = candidate.agent() != null && candidate.agent().start() >= from && candidate.agent().start() < to
                ? candidate.agent().start() : candidate.cue().start();
        Hit best = null;
        int bestRank = Integer.MAX_VALUE;
        for (Hit hit : facts.cuesIn(from, to)) {
            RuleFiles.CueDef cue = TextFacts.cue(hit);
            Instrument instrument = cue.instrument();
            if (instrument == null || facts.inTarget(hit.start())
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
        return best == null ? null : facts.evidence(EvidenceField.INSTRUMENT, best.start(), best.end(),
                "cue:" + TextFacts.cue(best).id() + ":" + TextFacts.cue(best).instrument());
    }

    int[] agentSpan(Candidate candidate, Agent agent) {
        if (candidate.agent() != null) {
            return new int[] {candidate.agent().start(), candidate.agent().end()};
        }
        return new int[] {agent.placeStart(), agent.placeEnd()};
    }

    Evidence actorEvidence(Candidate candidate, Agent agent) {
        int[] span = agentSpan(candidate, agent);
        String rule = candidate.agent() != null ? candidate.agent().rule() : "actor:implied-federal:" + agent.id();
        return facts.evidence(EvidenceField.ACTOR, span[0], span[1], rule);
    }

    Evidence levelEvidence(Candidate candidate, Agent agent) {
        int[] span = agentSpan(candidate, agent);
        return facts.evidence(EvidenceField.LEVEL, span[0], span[1], "level:" + agent.level() + "/" + agent.branch());
    }

    Evidence stanceEvidence(Candidate candidate) {
        int start = candidate.negator() != null ? Math.min(candidate.negator().start(), candidate.cue().start())
                : candidate.cue().start();
        return facts.evidence(EvidenceField.STANCE, start, candidate.cue().end(), candidate.rule());
    }

    static List<PolicyPosition> deduplicated(List<PolicyPosition> positions) {
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

    static int stanceStart(PolicyPosition position) {
        return position.getEvidence().stream().filter(e -> e.getField() == EvidenceField.STANCE)
                .mapToInt(Evidence::getStart).findFirst().orElse(Integer.MAX_VALUE);
    }
}
