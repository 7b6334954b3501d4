package org.policyradar.streams.enrich;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.policyradar.avro.Jurisdiction;
import org.policyradar.avro.JurisdictionKind;

/**
 * The places of a rule set by code: states, cities, counties, metro areas and foreign places, and which contain
 * which (a county its cities, a metro area its cities), so that a federal action aimed at one place can be matched
 * against a position taken in a place that lies in it.
 */
public final class Gazetteer {

    /** Code of the whole country: the jurisdiction of a nationwide federal policy. */
    public static final String NATIONWIDE_CODE = "US";
    /** Code of a place the rules could not resolve. */
    public static final String UNKNOWN_CODE = "UNKNOWN";

    /**
     * A place.
     *
     * @param code         stable code: postal code for a state, US-ST-NAME for a city or county, ISO-like abroad
     * @param kind         what kind of place it is
     * @param name         display name without the state, e.g. "Stockton"
     * @param state        postal code of its US state, null for nationwide, foreign and unknown places
     * @param related      codes of the places that contain it (the county of a city, the metro area of a city)
     * @param namesakeCity for a state whose bare name also names a city (New York), that city's code
     */
    public record Place(String code, JurisdictionKind kind, String name, String state, List<String> related,
                        String namesakeCity) {
        public Place {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(kind, "kind");
            related = related == null ? List.of() : List.copyOf(related);
        }

        /** "Stockton, CA" for a city or county, the name for a state, a foreign place or the whole country. */
        public String displayName() {
            return (kind == JurisdictionKind.CITY || kind == JurisdictionKind.COUNTY) && state != null
                    ? name + ", " + state : name;
        }

        /** True for a state, county or city of the United States. */
        public boolean isDomestic() {
            return kind == JurisdictionKind.STATE || kind == JurisdictionKind.COUNTY || kind == JurisdictionKind.CITY;
        }

        /** This place as the Avro jurisdiction of a position. */
        public Jurisdiction toJurisdiction() {
            return Jurisdiction.newBuilder().setCode(code).setKind(kind).setName(displayName()).setState(state).build();
        }
    }

    /** The whole country. */
    public static final Place NATIONWIDE = new Place(NATIONWIDE_CODE, JurisdictionKind.NATIONWIDE,
            "United States (nationwide)", null, List.of(), null);
    /** An unresolved place. */
    public static final Place UNKNOWN = new Place(UNKNOWN_CODE, JurisdictionKind.UNKNOWN, "unknown place", null,
            List.of(), null);

    private final Map<String, Place> byCode;
    private final Map<String, Place> titleOnlyNames;
    private final Set<String> titleOnlyRoles;

    /**
     * @param titleOnlyNames folded names that stand for a state only next to one of {@code titleOnlyRoles}
     *                       ("Washington's governor"), by name
     * @param titleOnlyRoles the roles (titles) such a name qualifies
     */
    Gazetteer(Map<String, Place> byCode, Map<String, Place> titleOnlyNames, Set<String> titleOnlyRoles) {
        this.byCode = new LinkedHashMap<>(byCode);
        this.byCode.putIfAbsent(NATIONWIDE_CODE, NATIONWIDE);
        this.titleOnlyNames = Map.copyOf(titleOnlyNames);
        this.titleOnlyRoles = Set.copyOf(titleOnlyRoles);
    }

    /**
     * Names that are a state only as the qualifier of a state title: bare "Washington" is the federal government
     * or the capital in most news, but "Washington's governor" and "the attorney general of Washington" are the
     * state. Folded name to state.
     */
    public Map<String, Place> titleOnlyNames() {
        return titleOnlyNames;
    }

    /** Whether a {@link #titleOnlyNames() title-only name} can qualify this role. */
    public boolean takesTitleOnlyNames(String role) {
        return titleOnlyRoles.contains(role);
    }

    /** The place with this code, if the rules know it. */
    public Optional<Place> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    /** Number of places known (for diagnostics). */
    public int size() {
        return byCode.size();
    }

    /**
     * True when the place {@code outerCode} contains the place {@code innerCode}: the same place, or a county or
     * metro area the rules list the inner place {@code within} (Cook County contains Chicago; the Twin Cities
     * contain Minneapolis). A city does not contain its county. States are not handled here: containment in a
     * state is read from {@link Place#state()}.
     */
    public boolean contains(String outerCode, String innerCode) {
        if (outerCode.equals(innerCode)) {
            return true;
        }
        Place inner = byCode.get(innerCode);
        return inner != null && inner.related().contains(outerCode);
    }
}
