package org.policyradar.streams.enrich;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.policyradar.avro.JurisdictionKind;

/**
 * Builds the {@link Gazetteer} of places.json: states, cities and counties, foreign places, checking that every
 * code is defined once and every place a place refers to (its state, what it lies within, a namesake city)
 * exists.
 */
final class GazetteerBuilder {

    private static final String PLACES_FILE = RuleSet.PLACES_FILE;

    private GazetteerBuilder() {
    }

    static Gazetteer of(RuleFiles.PlacesFile places) {
        Map<String, Gazetteer.Place> byCode = new LinkedHashMap<>();
        for (RuleFiles.StateDef state : places.states()) {
            put(byCode, new Gazetteer.Place(code(state.code(), "state"), JurisdictionKind.STATE, state.name(),
                    state.code(), List.of(), state.namesakeCity()));
        }
        for (RuleFiles.PlaceDef place : places.places()) {
            JurisdictionKind kind = kindOf(place);
            if (place.state() == null || !byCode.containsKey(place.state())) {
                throw new RuleSetException("rules file " + PLACES_FILE + ": place " + place.code()
                        + " names unknown state '" + place.state() + "'");
            }
            put(byCode, new Gazetteer.Place(code(place.code(), "place"), kind, place.name(), place.state(),
                    place.within(), null));
        }
        for (RuleFiles.ForeignDef foreign : places.foreign()) {
            put(byCode, new Gazetteer.Place(code(foreign.code(), "foreign place"), JurisdictionKind.FOREIGN,
                    foreign.name(), null, foreign.within(), null));
        }
        for (Gazetteer.Place place : byCode.values()) {
            for (String related : place.related()) {
                if (!byCode.containsKey(related)) {
                    throw new RuleSetException("rules file " + PLACES_FILE + ": place " + place.code()
                            + " lists unknown place '" + related + "' in 'within'");
                }
            }
            if (place.namesakeCity() != null && !byCode.containsKey(place.namesakeCity())) {
                throw new RuleSetException("rules file " + PLACES_FILE + ": state " + place.code()
                        + " has unknown namesakeCity '" + place.namesakeCity() + "'");
            }
        }
        Map<String, Gazetteer.Place> titleOnly = new LinkedHashMap<>();
        for (RuleFiles.StateDef state : places.states()) {
            for (String name : state.titleOnly()) {
                if (name == null || name.isBlank()
                        || titleOnly.putIfAbsent(TextFolding.fold(name.strip()), byCode.get(state.code())) != null) {
                    throw new RuleSetException("rules file " + PLACES_FILE + ": state " + state.code()
                            + " has an empty or repeated 'titleOnly' name '" + name + "'");
                }
            }
        }
        return new Gazetteer(byCode, titleOnly, Set.copyOf(places.titleOnlyRoles()));
    }

    private static JurisdictionKind kindOf(RuleFiles.PlaceDef place) {
        if ("CITY".equals(place.kind())) {
            return JurisdictionKind.CITY;
        }
        if ("COUNTY".equals(place.kind())) {
            return JurisdictionKind.COUNTY;
        }
        throw new RuleSetException("rules file " + PLACES_FILE + ": place " + place.code() + " has kind '"
                + place.kind() + "', expected CITY or COUNTY");
    }

    private static String code(String code, String what) {
        if (code == null || code.isBlank()) {
            throw new RuleSetException("rules file " + PLACES_FILE + ": a " + what + " has no code");
        }
        return code;
    }

    private static void put(Map<String, Gazetteer.Place> byCode, Gazetteer.Place place) {
        if (byCode.putIfAbsent(place.code(), place) != null) {
            throw new RuleSetException("rules file " + PLACES_FILE + ": place code " + place.code()
                    + " is defined twice");
        }
    }
}
