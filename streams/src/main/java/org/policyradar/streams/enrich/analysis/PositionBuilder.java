package org.policyradar.streams.enrich.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.policyradar.avro.Evidence;
import org.policyradar.avro.EvidenceField;
import org.policyradar.avro.Instrument;
import org.policyradar.avro.Jurisdiction;
import org.policyradar.avro.PolicyPosition;
import org.policyradar.avro.PolicyTopic;
import org.policyradar.avro.Stance;
import org.policyradar.streams.enrich.Mentions.Agent;
import org.policyradar.streams.enrich.analysis.Candidate.Side;

/**
 * Turns the decisions of an analysis into Avro positions: for each actor its jurisdictions
 * ({@link Jurisdictions}), topics ({@link TopicChoice}) and instrument ({@link InstrumentChoice}), each with the
 * phrase and rule that gave it; then one position per actor, topic, place and stance, in text order.
 */
final class PositionBuilder {

    private final TextFacts facts;
    private final Jurisdictions jurisdictions;
    private final TopicChoice topics;
    private final InstrumentChoice instruments;

    PositionBuilder(TextFacts facts) {
        this.facts = facts;
        this.jurisdictions = new Jurisdictions(facts);
        this.topics = new TopicChoice(facts);
        this.instruments = new InstrumentChoice(facts);
    }

    List<PolicyPosition> positionsOf(Candidate candidate) {
        List<PolicyPosition> positions = new ArrayList<>();
        Map<PolicyTopic, Evidence> topicEvidence = topics.of(candidate);
        for (Agent agent : candidate.agents()) {
            InstrumentChoice.Chosen instrument = instruments.of(candidate, agent.level());
            for (Map.Entry<Jurisdiction, Evidence> jurisdiction : jurisdictions.of(candidate, agent).entrySet()) {
                for (Map.Entry<PolicyTopic, Evidence> topic : topicEvidence.entrySet()) {
                    List<Evidence> evidence = new ArrayList<>();
                    evidence.add(actorEvidence(candidate, agent));
                    evidence.add(levelEvidence(candidate, agent));
                    evidence.add(jurisdiction.getValue());
                    evidence.add(topic.getValue());
                    evidence.add(stanceEvidence(candidate));
                    if (instrument.evidence() != null) {
                        evidence.add(instrument.evidence());
                    }
                    positions.add(PolicyPosition.newBuilder()
                            .setActorId(agent.id())
                            .setActorName(agent.name())
                            .setLevel(agent.level())
                            .setBranch(agent.branch())
                            .setJurisdiction(jurisdiction.getKey())
                            .setTopic(topic.getKey())
                            .setStance(stanceOf(candidate.side()))
                            .setInstrument(candidate.side() == Side.JUDICIAL ? Instrument.RULING
                                    : instrument.instrument())
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

    private Evidence actorEvidence(Candidate candidate, Agent agent) {
        String rule = candidate.agent() != null ? candidate.agent().rule() : "actor:implied-federal:" + agent.id();
        return facts.evidence(EvidenceField.ACTOR, candidate.spanOf(agent), rule);
    }

    private Evidence levelEvidence(Candidate candidate, Agent agent) {
        return facts.evidence(EvidenceField.LEVEL, candidate.spanOf(agent),
                "level:" + agent.level() + "/" + agent.branch());
    }

    /** The stance phrase reaches back to the negation that flipped it ("will not cooperate"). */
    private Evidence stanceEvidence(Candidate candidate) {
        int start = candidate.negator() != null ? Math.min(candidate.negator().start(), candidate.cue().start())
                : candidate.cue().start();
        return facts.evidence(EvidenceField.STANCE, start, candidate.cue().end(), candidate.rule());
    }

    /** One position per actor, topic, place and stance (the most confident), sorted by where its stance is. */
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

    private static int stanceStart(PolicyPosition position) {
        return position.getEvidence().stream().filter(e -> e.getField() == EvidenceField.STANCE)
                .mapToInt(Evidence::getStart).findFirst().orElse(Integer.MAX_VALUE);
    }
}
