package org.policyradar.streams.enrich.analysis;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.policyradar.streams.enrich.ActorResolver;
import org.policyradar.streams.enrich.Mentions.ActorMention;
import org.policyradar.streams.enrich.Mentions.Agent;
import org.policyradar.streams.enrich.PhraseIndex.Hit;
import org.policyradar.streams.enrich.RuleFiles;
import org.policyradar.streams.enrich.Segmenter.Clause;

/**
 * Who can be the agent of a cue in one text: the subject of its clause, the actor nearest before or first after
 * it, the actor of an earlier decision, or the federal government a threat implies. Actors inside a target
 * phrase are never agents; actors are in text order, so the loops stop at the end of their clause.
 */
final class AgentLookup {

    private static final Pattern BY_GAP = Pattern.compile("\\s+(?:by|from)\\s+(?:the\\s+)?");

    private final TextFacts facts;
    private final List<ActorMention> actors;

    AgentLookup(TextFacts facts) {
        this.facts = facts;
        this.actors = facts.actors;
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
        for (Hit h : facts.cues) {
            if (h.end() > actor.start()) {
                return false;
            }
            if (h.start() >= clause.start() && TextFacts.cue(h).kind().isStance() && !facts.isNominal(h)
                    && facts.wordsBetween(h.end(), actor.start()) <= 1 && facts.folded.charAt(h.end()) == ' ') {
                return true;
            }
        }
        return false;
    }

    ActorMention nearestStateOrLocalBefore(Clause clause, int before, int from) {
        return nearestBefore(clause, before, from, ActorMention::stateOrLocal);
    }

    /** The last accepted actor of the clause in {@code [from, before)}. */
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

    /** The first accepted actor of the clause at or after {@code after}. */
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

    /** "ICE raids", "raids by ICE": the cue describes the federal actor next to it, not the clause's subject. */
    boolean federalNextTo(Hit hit) {
        for (ActorMention actor : actors) {
            if (!actor.federal()) {
                continue;
            }
            if (actor.end() <= hit.start() && facts.wordsBetween(actor.end(), hit.start()) <= 1) {
                return true;
            }
            if (actor.start() >= hit.end()
                    && ActorResolver.gapMatches(BY_GAP, facts.folded, hit.end(), actor.start())) {
                return true;
            }
        }
        return false;
    }

    /** "investigating ICE agents": a federal actor within two words after the cue is what it acts on. */
    boolean federalRightAfter(Clause clause, Hit hit) {
        for (ActorMention actor : actors) {
            if (actor.federal() && actor.start() >= hit.end() && actor.start() < clause.end()
                    && facts.wordsBetween(hit.end(), actor.start()) <= 2) {
                return true;
            }
        }
        return false;
    }

    /** The actor of an earlier decision, or else the last actor named before this clause, of the wanted side. */
    ActorMention inherited(Clause clause, boolean federal, List<Candidate> earlier) {
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

    /** The federal government as the unnamed agent of a threat or of a lawsuit against a state. */
    Agent impliedFederal(Hit hit) {
        RuleFiles.ActorDef government = facts.rules.actor("US-GOV");
        return new Agent(government.id(), government.name(), government.level(), government.branch(), null,
                hit.start(), hit.end(), "implied-federal", null, false);
    }

    /** Same actor, or the nearer one has only the place it borrowed from the item: keep the subject. */
    static boolean sameOrNoOwnPlace(ActorMention subject, ActorMention nearer) {
        if (nearer.agents().stream().allMatch(a -> a.place() == null || a.placeRule().startsWith("nearby-place"))) {
            return true;
        }
        return subject.agents().stream().map(a -> a.place() == null ? null : a.place().code()).toList()
                .equals(nearer.agents().stream().map(a -> a.place() == null ? null : a.place().code()).toList());
    }
}
