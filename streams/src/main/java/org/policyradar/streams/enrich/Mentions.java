package org.policyradar.streams.enrich;

import java.util.List;
import org.policyradar.avro.GovernmentBranch;
import org.policyradar.avro.GovernmentLevel;
import org.policyradar.avro.PolicyTopic;

/** The entities found in an item: places, and actors resolved to a canonical id, level and place. */
public final class Mentions {

    private Mentions() {
    }

    /** A place named in the text; a demonym ("Mexican") only qualifies an actor. */
    public record PlaceMention(int start, int end, Gazetteer.Place place, boolean demonym) {
        public boolean domestic() {
            return !demonym && place.isDomestic();
        }

        public boolean foreign() {
            return !demonym && !place.isDomestic();
        }
    }

    /**
     * A resolved actor.
     *
     * @param place      the place the actor belongs to, null when none (federal actors, unresolved ones)
     * @param placeStart offsets of the phrase that gave the place (the actor phrase for implied places)
     * @param placeRule  how the place was found
     */
    public record Agent(String id, String name, GovernmentLevel level, GovernmentBranch branch, Gazetteer.Place place,
                 int placeStart, int placeEnd, String placeRule, PolicyTopic impliedTopic, boolean context) {

        public boolean federal() {
            return level == GovernmentLevel.FEDERAL && branch != GovernmentBranch.JUDICIAL;
        }

        public boolean stateOrLocal() {
            return (level == GovernmentLevel.STATE || level == GovernmentLevel.LOCAL)
                    && branch != GovernmentBranch.JUDICIAL;
        }

        public boolean judicial() {
            return branch == GovernmentBranch.JUDICIAL;
        }

        public boolean foreign() {
            return level == GovernmentLevel.FOREIGN;
        }
    }

    /**
     * An actor named in the text: one phrase, one or more resolved actors ("police in Stockton and San Joaquin
     * County" names two).
     *
     * @param explicit false for a place standing for its government ("California sued...")
     * @param inTarget true inside the phrase a federal action is aimed at ("any official who defies..."): never
     *                 an agent
     * @param rule     the rule that matched, for evidence
     */
    public record ActorMention(int start, int end, List<Agent> agents, boolean explicit, boolean inTarget, String rule) {

        public Agent first() {
            return agents.get(0);
        }

        public boolean federal() {
            return first().federal();
        }

        public boolean stateOrLocal() {
            return first().stateOrLocal();
        }

        public boolean judicial() {
            return first().judicial();
        }

        public boolean foreign() {
            return first().foreign();
        }

        public boolean context() {
            return agents.stream().anyMatch(Agent::context);
        }

        public ActorMention inTarget(boolean target) {
            return new ActorMention(start, end, agents, explicit, target, rule);
        }
    }
}
