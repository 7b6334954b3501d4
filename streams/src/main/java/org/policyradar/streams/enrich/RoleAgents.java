package org.policyradar.streams.enrich;

import org.policyradar.avro.GovernmentLevel;
import org.policyradar.avro.JurisdictionKind;
import org.policyradar.streams.enrich.Mentions.Agent;
import org.policyradar.streams.enrich.Mentions.PlaceMention;
import org.policyradar.streams.enrich.PhraseIndex.Hit;

/**
 * Makes a generic role (police, mayor, governor, officials) a concrete actor: its id, name, level and place from
 * the place that qualifies it ("Chicago police" is LOCAL, "the Texas governor" STATE), or its unresolved form
 * when no place does.
 */
final class RoleAgents {

    private final RuleSet rules;

    RoleAgents(RuleSet rules) {
        this.rules = rules;
    }

    /** A role made concrete by a place; null when the place cannot qualify it. */
    Agent qualified(RuleFiles.RoleDef role, PlaceMention q, String text, String how) {
        Gazetteer.Place place = q.place();
        String placeRule = how + ":" + place.code();
        if (!place.isDomestic()) {
            String id = "FOREIGN-" + place.code() + "-" + role.idPrefix();
            return new Agent(id, place.name() + " " + role.name(), GovernmentLevel.FOREIGN, role.branch(), place,
                    q.start(), q.end(), placeRule, role.topic(), false);
        }
        GovernmentLevel level;
        switch (role.level()) {
            case FEDERAL -> {
                if (role.unqualified() != null) {
                    RuleFiles.ActorDef actor = rules.actor(role.unqualified());
                    return new Agent(actor.id(), actor.name(), actor.level(), actor.branch(), null, q.start(), q.end(),
                            placeRule, actor.topic(), actor.context());
                }
                return new Agent(role.idPrefix(), role.name(), GovernmentLevel.FEDERAL, role.branch(), place,
                        q.start(), q.end(), placeRule, role.topic(), false);
            }
            case STATE -> {
                level = GovernmentLevel.STATE;
                if (place.kind() != JurisdictionKind.STATE) {
                    place = rules.gazetteer().byCode(place.state()).orElse(place);
                }
            }
            case LOCAL -> {
                level = GovernmentLevel.LOCAL;
                place = namesake(place, text.substring(q.start(), q.end()));
            }
            default -> {
                Gazetteer.Place local = namesake(place, text.substring(q.start(), q.end()));
                boolean localRole = "POLICE".equals(role.role()) || "LAW_ENFORCEMENT".equals(role.role());
                if (localRole && local != place) {
                    place = local;
                }
                level = place.kind() == JurisdictionKind.STATE ? GovernmentLevel.STATE : GovernmentLevel.LOCAL;
            }
        }
        String id = role.idPrefix() + "-" + place.code();
        String name = place.name() + " " + role.name();
        return new Agent(id, name, level, role.branch(), place, q.start(), q.end(), placeRule, role.topic(), false);
    }

    /** "New York police" means the city's police, not the state's. */
    private Gazetteer.Place namesake(Gazetteer.Place place, String phrase) {
        if (place.kind() == JurisdictionKind.STATE && place.namesakeCity() != null
                && phrase.strip().equalsIgnoreCase(place.name())) {
            return rules.gazetteer().byCode(place.namesakeCity()).orElse(place);
        }
        return place;
    }

    /** A role no place qualifies: its level's unknown jurisdiction, or null when even the level is unknown. */
    static Agent unresolved(RuleFiles.RoleDef role, Hit hit) {
        GovernmentLevel level = switch (role.level()) {
            case STATE -> GovernmentLevel.STATE;
            case LOCAL -> GovernmentLevel.LOCAL;
            case FEDERAL -> GovernmentLevel.FEDERAL;
            case BY_PLACE -> "LEGISLATURE".equals(role.role()) ? GovernmentLevel.STATE
                    : "OFFICIALS".equals(role.role()) || "FOREIGN_MINISTRY".equals(role.role()) ? null
                    : GovernmentLevel.LOCAL;
        };
        if (level == null) {
            return null;
        }
        String id = role.idPrefix() + (level == GovernmentLevel.FEDERAL ? "" : "-" + Gazetteer.UNKNOWN_CODE);
        return new Agent(id, role.name(), level, role.branch(), null, hit.start(), hit.end(), "jurisdiction:unresolved",
                role.topic(), false);
    }
}
