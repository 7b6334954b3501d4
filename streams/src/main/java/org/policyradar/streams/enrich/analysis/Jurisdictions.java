package org.policyradar.streams.enrich.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.policyradar.avro.Evidence;
import org.policyradar.avro.EvidenceField;
import org.policyradar.avro.GovernmentLevel;
import org.policyradar.avro.Instrument;
import org.policyradar.avro.Jurisdiction;
import org.policyradar.streams.enrich.CueKind;
import org.policyradar.streams.enrich.Gazetteer;
import org.policyradar.streams.enrich.Mentions.ActorMention;
import org.policyradar.streams.enrich.Mentions.Agent;
import org.policyradar.streams.enrich.Mentions.PlaceMention;
import org.policyradar.streams.enrich.PhraseIndex.Hit;
import org.policyradar.streams.enrich.RuleFiles;
import org.policyradar.streams.enrich.Segmenter.Clause;
import org.policyradar.streams.enrich.Segmenter.Sentence;
import org.policyradar.streams.enrich.analysis.Candidate.Side;

/**
 * Where a position applies, with the phrase and rule that say so. A state or local actor's is its own place; a
 * federal action presses nationwide (a nationwide phrase, generic targets, or nothing named) or the places it is
 * aimed at (in its clause, or for operations and lawsuits anywhere in the item).
 */
final class Jurisdictions {

    private final TextFacts facts;

    Jurisdictions(TextFacts facts) {
        this.facts = facts;
    }

    /** The jurisdictions of one agent of a decision, in text order, each with its evidence. */
    Map<Jurisdiction, Evidence> of(Candidate candidate, Agent agent) {
        if (candidate.side() == Side.PRESS && agent.federal()) {
            return ofFederalAction(candidate, agent);
        }
        Map<Jurisdiction, Evidence> result = new LinkedHashMap<>();
        if (agent.place() != null) {
            result.put(agent.place().toJurisdiction(),
                    facts.evidence(EvidenceField.JURISDICTION, agent.placeStart(), agent.placeEnd(), agent.placeRule()));
        } else {
            Gazetteer.Place place = agent.level() == GovernmentLevel.FEDERAL ? Gazetteer.NATIONWIDE : Gazetteer.UNKNOWN;
            result.put(place.toJurisdiction(), facts.evidence(EvidenceField.JURISDICTION, candidate.spanOf(agent),
                    place == Gazetteer.NATIONWIDE ? "scope:federal-actor" : "jurisdiction:unresolved"));
        }
        return result;
    }

    private Map<Jurisdiction, Evidence> ofFederalAction(Candidate candidate, Agent agent) {
        Sentence sentence = facts.sentences.get(candidate.clause().sentence());
        Map<Jurisdiction, Evidence> result = new LinkedHashMap<>();
        Evidence nationwide = nationwideIn(sentence);
        if (nationwide != null) {
            result.put(Gazetteer.NATIONWIDE.toJurisdiction(), nationwide);
            return result;
        }
        Targets targets = targetsOf(candidate, sentence);
        for (PlaceMention place : targets.places()) {
            result.putIfAbsent(place.place().toJurisdiction(), facts.evidence(EvidenceField.JURISDICTION,
                    place.start(), place.end(), targets.rule() + ":" + place.place().code()));
        }
        if (result.isEmpty()) {
            result.put(Gazetteer.NATIONWIDE.toJurisdiction(), facts.evidence(EvidenceField.JURISDICTION,
                    candidate.spanOf(agent), "scope:default-nationwide"));
        }
        return result;
    }

    /**
     * A nationwide phrase, or else generic targets ("state and local officials"), in the sentence: the action is
     * nationwide, and that phrase says so. A nationwide phrase after the first target does not count.
     */
    private Evidence nationwideIn(Sentence sentence) {
        Span target = facts.targets.firstIn(sentence.start(), sentence.end());
        Hit marker = facts.cuesIn(sentence.start(), sentence.end()).stream()
                .filter(h -> TextFacts.cue(h).nationwide() && !narrowedByPlace(h)).findFirst().orElse(null);
        if (marker != null && (target == null || marker.start() < target.start())) {
            return facts.evidence(EvidenceField.JURISDICTION, marker.start(), marker.end(),
                    "scope:" + TextFacts.cue(marker).id());
        }
        if (target != null) {
            int end = Math.min(target.end(), sentence.end());
            return facts.evidence(EvidenceField.JURISDICTION, target.start(), end, "scope:generic-target");
        }
        return null;
    }

    private static final Set<String> PLACE_PREPOSITIONS = Set.of(" in ", " across ", " throughout ");

    /** "sanctuary cities in California": a nationwide phrase narrowed by the place right after it. */
    private boolean narrowedByPlace(Hit marker) {
        for (PlaceMention place : facts.places) {
            if (place.start() >= marker.end()) {
                return place.domestic() && PLACE_PREPOSITIONS.contains(facts.wordsOnly(marker.end(), place.start()));
            }
        }
        return false;
    }

    /**
     * The places a federal action is aimed at, in order, with the rule that found them: those the decision carries and
     * those of its clause; for operations and lawsuits, else those of the sentence or the item; else a foreign
     * place of the clause.
     */
    private Targets targetsOf(Candidate candidate, Sentence sentence) {
        List<PlaceMention> targets = new ArrayList<>(candidate.targets());
        Clause clause = candidate.clause();
        facts.places.stream().filter(p -> p.domestic() && p.start() >= clause.start() && p.start() < clause.end())
                .forEach(targets::add);
        String rule = "scope:targeted";
        if (targets.isEmpty()) {
            objectActorPlaces(candidate, clause, targets);
            rule = targets.isEmpty() ? rule : "scope:targeted-actor";
        }
        if (targets.isEmpty() && aimsAtPlaces(candidate)) {
            facts.places.stream().filter(p -> p.domestic() && sentence.contains(p.start())).forEach(targets::add);
            if (targets.isEmpty()) {
                facts.places.stream().filter(PlaceMention::domestic).forEach(targets::add);
            }
            rule = "scope:targeted-in-item";
        }
        if (targets.isEmpty()) {
            facts.places.stream().filter(p -> p.foreign() && p.start() >= clause.start() && p.start() < clause.end())
                    .findFirst().ifPresent(targets::add);
            rule = "scope:foreign";
        }
        return new Targets(targets, rule);
    }

    /**
     * "froze the University of California's grants", "opened an investigation into Chicago Public Schools": a
     * state or local actor after the federal agent in the clause names no place word, but its own place is the
     * target.
     */
    private void objectActorPlaces(Candidate candidate, Clause clause, List<PlaceMention> targets) {
        // after the agent ("told the University of California it must pay"), else after the cue
        int from = candidate.agent() != null ? candidate.agent().end() : candidate.cue().end();
        for (ActorMention actor : facts.actors) {
            if (actor.start() >= clause.end()) {
                break;
            }
            if (actor.start() < from || actor == candidate.agent()) {
                continue;
            }
            for (Agent one : actor.agents()) {
                if (one.stateOrLocal() && one.place() != null && one.place().isDomestic()) {
                    targets.add(new PlaceMention(actor.start(), actor.end(), one.place(), false));
                }
            }
        }
    }

    /** The places an action is aimed at and the rule that found them. */
    private record Targets(List<PlaceMention> places, String rule) {
    }

    /** Operations and lawsuits always have a place: when the clause names none, the item does. */
    private static boolean aimsAtPlaces(Candidate candidate) {
        RuleFiles.CueDef cue = candidate.cue().entry().rule() instanceof RuleFiles.CueDef c ? c : null;
        return cue != null && (cue.kind() == CueKind.SUE || cue.kind() == CueKind.SUE_PASSIVE
                || cue.instrument() == Instrument.OPERATION);
    }
}
