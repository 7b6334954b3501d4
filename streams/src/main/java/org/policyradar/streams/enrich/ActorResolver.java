package org.policyradar.streams.enrich;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.policyradar.avro.GovernmentBranch;
import org.policyradar.avro.GovernmentLevel;
import org.policyradar.avro.JurisdictionKind;
import org.policyradar.streams.enrich.Mentions.ActorMention;
import org.policyradar.streams.enrich.Mentions.Agent;
import org.policyradar.streams.enrich.Mentions.PlaceMention;
import org.policyradar.streams.enrich.PhraseIndex.Hit;

/**
 * Finds the places and actors of one item: named actors, generic roles resolved to a place ("Chicago police",
 * "officials in the Twin Cities", "the governor" of the state the item is about), and places standing for their
 * government when they are the subject of a sentence ("California sued...").
 */
public final class ActorResolver {

    // matched on regions of the text (compiled once: String.matches compiled them on every call)
    private static final Pattern BEFORE_GAP = Pattern.compile(
            "(?:'s|')?\\s+(?:(?:top|senior|local|city|county|state|public|elected|area|municipal|the|its|their"
                    + "|chief|acting|interim|former|new)\\s+){0,2}");
    private static final Pattern AFTER_GAP = Pattern.compile(
            "\\s+(?:of|in|for|from|across|at|throughout|around|representing|serving)\\s+(?:the\\s+)?"
                    + "(?:(?:city|county|state|town|commonwealth|village)\\s+of\\s+)?");
    private static final Pattern CHAIN_GAP = Pattern.compile("\\s*(?:,\\s*(?:and|or)?|and|or|&)\\s*(?:the\\s+)?");
    private static final Pattern POSTAL_AFTER_PLACE = Pattern.compile(",\\s*([A-Z]{2})(?![A-Za-z])");
    private static final Pattern COMMA_GAP = Pattern.compile(",\\s*");
    private static final Pattern STATE_AGENCY_GAP = Pattern.compile("(?:'s)?\\s+(?:state\\s+)?");
    // the one federal office whose former holder holds it again: "former President Trump" is still the actor
    private static final String PRESIDENT_ID = "US-WH-POTUS";
    private static final Pattern POSSESSIVE_GAP = Pattern.compile("(?:'s)?\\s{1,2}");
    private static final Pattern SHORT_GAP = Pattern.compile("\\s{1,2}");
    private static final Pattern CITY_COMMA_POSTAL = Pattern.compile(
            "\\b[A-Z][a-z]+(?:\\s+[A-Z][a-z]+){0,2},\\s*([A-Z]{2})(?![A-Za-z])");
    private static final Set<String> PREPOSITIONS = Set.of("in", "at", "to", "from", "for", "of", "against",
            "across", "into", "near", "with", "by", "on", "over", "throughout", "outside", "inside", "around",
            "toward", "towards", "including", "like", "as", "than", "about", "between", "within", "under", "via",
            "through", "and", "or", "nor", "such", "among", "beyond", "onto", "upon", "targeting");

    private final RuleSet rules;
    private final RoleAgents roleAgents;
    private final Set<String> followers;
    private final Set<String> possessiveActions;

    /** The resolver of the given rules' actors, roles and places. */
    public ActorResolver(RuleSet rules) {
        this.rules = rules;
        this.roleAgents = new RoleAgents(rules);
        Set<String> words = new LinkedHashSet<>();
        rules.grammar().placeSubjectFollowers().forEach(w -> words.add(TextFolding.fold(w)));
        this.followers = Set.copyOf(words);
        Set<String> actions = new LinkedHashSet<>();
        rules.grammar().placePossessiveActions().forEach(w -> actions.add(TextFolding.fold(w)));
        this.possessiveActions = Set.copyOf(actions);
    }

    /** Places named in the text, including "City, ST" postal forms, in text order. */
    public List<PlaceMention> places(String text, List<Hit> hits) {
        List<PlaceMention> places = new ArrayList<>();
        for (Hit hit : hits) {
            if (hit.entry().category() == PhraseIndex.Category.PLACE) {
                Gazetteer.Place place = (Gazetteer.Place) hit.entry().rule();
                int end = hit.end();
                Matcher postal = POSTAL_AFTER_PLACE.matcher(text).region(end, text.length());
                postal.useTransparentBounds(true);
                if (place.kind() == JurisdictionKind.CITY && postal.lookingAt()) {
                    Gazetteer.Place state = rules.gazetteer().byCode(postal.group(1)).orElse(null);
                    if (state != null && state.kind() == JurisdictionKind.STATE) {
                        place = sameNameIn(place, state.code());
                        end = postal.end();
                    }
                }
                places.add(new PlaceMention(hit.start(), end, place, false));
            } else if (hit.entry().category() == PhraseIndex.Category.DEMONYM) {
                places.add(new PlaceMention(hit.start(), hit.end(), (Gazetteer.Place) hit.entry().rule(), true));
            }
        }
        // a town the rules do not know, written "Smalltown, TX": at least its state is known
        Matcher m = CITY_COMMA_POSTAL.matcher(text);
        while (m.find()) {
            int start = m.start(1);
            Gazetteer.Place state = rules.gazetteer().byCode(m.group(1)).orElse(null);
            boolean covered = places.stream().anyMatch(p -> p.start() <= start && p.end() >= m.end(1));
            if (state != null && state.kind() == JurisdictionKind.STATE && !covered
                    && hits.stream().noneMatch(h -> h.overlaps(start, m.end(1)))) {
                places.add(new PlaceMention(start, m.end(1), state, false));
            }
        }
        places.sort(Comparator.comparingInt(PlaceMention::start));
        // "Salem, Oregon" names one place: the city, in that state
        List<PlaceMention> merged = new ArrayList<>();
        for (PlaceMention p : places) {
            PlaceMention previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (previous != null && !p.demonym() && p.place().kind() == JurisdictionKind.STATE
                    && (previous.place().kind() == JurisdictionKind.CITY
                    || previous.place().kind() == JurisdictionKind.COUNTY)
                    && gapMatches(COMMA_GAP, text, previous.end(), p.start())) {
                Gazetteer.Place city = sameNameIn(previous.place(), p.place().code());
                merged.set(merged.size() - 1, new PlaceMention(previous.start(), p.end(), city, false));
                continue;
            }
            merged.add(p);
        }
        return merged;
    }

    /** Whether the whole of text[from, to) matches the pattern, without copying it out. */
    public static boolean gapMatches(Pattern pattern, CharSequence text, int from, int to) {
        return pattern.matcher(text).region(from, to).matches();
    }

    private Gazetteer.Place sameNameIn(Gazetteer.Place city, String state) {
        if (state.equals(city.state())) {
            return city;
        }
        String code = "US-" + state + "-" + city.code().substring(city.code().lastIndexOf('-') + 1);
        return rules.gazetteer().byCode(code).orElse(city);
    }

    /**
     * The actors named in the text, in text order.
     *
     * @param places the item's places
     * @param items  the sentences, for the place fallback of generic actors
     */
    public List<ActorMention> actors(String text, String folded, List<Hit> hits, List<PlaceMention> places,
                              List<Segmenter.Sentence> sentences) {
        List<ActorMention> named = new ArrayList<>();
        for (Hit hit : hits) {
            if (hit.entry().category() == PhraseIndex.Category.ACTOR) {
                RuleFiles.ActorDef actor = (RuleFiles.ActorDef) hit.entry().rule();
                if (actor.level() == GovernmentLevel.FEDERAL && !PRESIDENT_ID.equals(actor.id())
                        && OrganizationHeads.formerBefore(folded, hit.start())) {
                    continue;
                }
                PlaceMention state = actor.level() == GovernmentLevel.FEDERAL
                        ? stateBeforeDepartment(folded, hit, places) : null;
                named.add(state != null ? stateAgency(state, hit) : namedMention(hit, actor));
            }
        }
        List<ActorMention> mentions = new ArrayList<>(named);
        Set<PlaceMention> usedAsQualifier = new LinkedHashSet<>();
        for (Hit hit : hits) {
            if (hit.entry().category() != PhraseIndex.Category.ROLE) {
                continue;
            }
            if (absorbedByNamedActor(folded, hit, named)) {
                continue;
            }
            RuleFiles.RoleDef roleDef = (RuleFiles.RoleDef) hit.entry().rule();
            if (PRESIDENT_ID.equals(roleDef.unqualified()) && OrganizationHeads.headOfOther(text, folded, hit)) {
                continue;
            }
            ActorMention role = roleMention(text, folded, hit, (RuleFiles.RoleDef) hit.entry().rule(), places,
                    sentences, usedAsQualifier);
            if (role != null) {
                mentions.add(role);
            }
        }
        for (PlaceMention place : places) {
            if (!place.demonym() && !usedAsQualifier.contains(place)
                    && mentions.stream().noneMatch(m -> m.start() <= place.start() && m.end() >= place.end())
                    && isSubject(folded, hits, place)) {
                mentions.add(placeAsActor(place));
            }
        }
        mentions.sort(Comparator.comparingInt(ActorMention::start).thenComparing(ActorMention::rule));
        return mentions;
    }

    /**
     * "the Maine Department of Education", "New York State Department of Health", "New Mexico's health secretary":
     * a state's name right before a federal department's name (or its health secretary's title) makes it the
     * state's own department, not the federal one.
     */
    private static PlaceMention stateBeforeDepartment(String folded, Hit hit, List<PlaceMention> places) {
        String phrase = folded.substring(hit.start(), hit.end());
        if (!phrase.contains("department") && !phrase.equals("health and human services")
                && !phrase.startsWith("health secretary")) {
            return null;
        }
        for (PlaceMention p : places) {
            if (p.end() <= hit.start() && p.domestic() && p.place().kind() == JurisdictionKind.STATE
                    && gapMatches(STATE_AGENCY_GAP, folded, p.end(), hit.start())) {
                return p;
            }
        }
        return null;
    }

    private static ActorMention stateAgency(PlaceMention state, Hit hit) {
        Gazetteer.Place p = state.place();
        Agent agent = new Agent("GOVT-" + p.code(), "State of " + p.name(), GovernmentLevel.STATE,
                GovernmentBranch.EXECUTIVE, p, state.start(), state.end(), "state-agency:" + p.code(), null, false);
        return new ActorMention(state.start(), hit.end(), List.of(agent), true, false, "state-agency");
    }

    private ActorMention namedMention(Hit hit, RuleFiles.ActorDef actor) {
        Gazetteer.Place place = actor.place() == null ? null : rules.gazetteer().byCode(actor.place()).orElseThrow();
        Agent agent = new Agent(actor.id(), actor.name(), actor.level(), actor.branch(), place, hit.start(), hit.end(),
                "implied-place:" + actor.id(), actor.topic(), actor.context());
        return new ActorMention(hit.start(), hit.end(), List.of(agent), true, false, "actor:" + actor.id());
    }

    /** "ICE officials", "Gov. Kathy Hochul": the generic word adds nothing to the named actor next to it. */
    private static boolean absorbedByNamedActor(String folded, Hit role, List<ActorMention> named) {
        for (ActorMention actor : named) {
            if (actor.end() <= role.start() && gapMatches(POSSESSIVE_GAP, folded, actor.end(), role.start())) {
                return true;
            }
            if (actor.start() >= role.end() && gapMatches(SHORT_GAP, folded, role.end(), actor.start())) {
                return true;
            }
        }
        return false;
    }

    private ActorMention roleMention(String text, String folded, Hit hit, RuleFiles.RoleDef role,
                                     List<PlaceMention> places, List<Segmenter.Sentence> sentences,
                                     Set<PlaceMention> usedAsQualifier) {
        List<PlaceMention> qualifiers = qualifiersBefore(folded, hit, places);
        if (qualifiers.isEmpty()) {
            qualifiers = qualifiersAfter(folded, hit, places);
            // "the Huntington Beach City Council in California": the unlisted city before the title, in that state
            PlaceMention unlisted = isLocalTitle(role) && qualifiers.size() == 1 && qualifiers.get(0).place().isDomestic()
                    ? UnlistedPlaces.before(text, hit.start(), qualifiers.get(0).place().state()) : null;
            if (unlisted != null) {
                qualifiers = List.of(unlisted);
            }
        }
        if (qualifiers.isEmpty() && rules.gazetteer().takesTitleOnlyNames(role.role())) {
            qualifiers = titleOnlyQualifier(folded, hit);
        }
        usedAsQualifier.addAll(qualifiers);
        int start = qualifiers.isEmpty() || qualifiers.get(0).start() > hit.start() ? hit.start()
                : qualifiers.get(0).start();
        String rule = "role:" + role.role();
        List<Agent> agents = new ArrayList<>();
        if (!qualifiers.isEmpty()) {
            for (PlaceMention q : qualifiers) {
                Agent agent = roleAgents.qualified(role, q, text, "adjacent-place");
                if (agent != null && agents.stream().noneMatch(a -> a.id().equals(agent.id()))) {
                    agents.add(agent);
                }
            }
        } else if (role.unqualified() != null) {
            RuleFiles.ActorDef actor = rules.actor(role.unqualified());
            Gazetteer.Place place = actor.place() == null ? null
                    : rules.gazetteer().byCode(actor.place()).orElseThrow();
            agents.add(new Agent(actor.id(), actor.name(), actor.level(), actor.branch(), place, hit.start(),
                    hit.end(), "implied-place:" + actor.id(), actor.topic(), actor.context()));
            rule = "role:" + role.role() + "->" + actor.id();
        } else if (role.level() == RuleFiles.RoleLevel.FEDERAL) {
            agents.add(new Agent(role.idPrefix(), role.name(), GovernmentLevel.FEDERAL, role.branch(), null,
                    hit.start(), hit.end(), "scope:federal-actor", role.topic(), false));
        } else if (role.fallback() == RuleFiles.Fallback.ITEM) {
            PlaceMention nearby = nearestDomesticPlace(hit, places, sentences);
            PlaceMention unlisted = isLocalTitle(role) && nearby != null
                    ? UnlistedPlaces.before(text, hit.start(), nearby.place().state()) : null;
            if (unlisted != null) {
                start = unlisted.start();
                nearby = unlisted;
            } else if (isLocalTitle(role) && nearby != null) {
                // "the sheriff of Bristol County, Massachusetts": the unlisted county after the title
                unlisted = UnlistedPlaces.countyAfter(text, hit.end(), nearby.place().state());
                if (unlisted != null) {
                    nearby = unlisted;
                    usedAsQualifier.add(unlisted);
                }
            }
            if (nearby != null) {
                Agent agent = roleAgents.qualified(role, nearby, text, nearby == unlisted ? "unlisted-place" : "nearby-place");
                if (agent != null) {
                    agents.add(agent);
                }
            } else {
                Agent agent = RoleAgents.unresolved(role, hit);
                if (agent != null) {
                    agents.add(agent);
                }
            }
        } else if (role.fallback() == RuleFiles.Fallback.UNKNOWN) {
            Agent agent = RoleAgents.unresolved(role, hit);
            if (agent != null) {
                agents.add(agent);
            }
        }
        if (agents.isEmpty()) {
            return null;
        }
        return new ActorMention(start, hit.end(), List.copyOf(agents), true, false, rule);
    }

    /**
     * "Washington's governor", "the Washington attorney general", "the governor of Washington": a name that is a
     * state only next to a state title ({@link Gazetteer#titleOnlyNames()}) right before the title (with or without
     * a possessive) or after it with "of".
     */
    private List<PlaceMention> titleOnlyQualifier(String folded, Hit hit) {
        int before = hit.start();
        while (before > 0 && folded.charAt(before - 1) == ' ') {
            before--;
        }
        int possessive = folded.startsWith("'s", before - 2) ? before - 2 : before;
        int after = hit.end();
        while (after < folded.length() && folded.charAt(after) == ' ') {
            after++;
        }
        int of = folded.startsWith("of ", after) ? after + 3 : -1;
        // a space or a possessive between the name and the title: "Washingtongovernor" is no qualifier
        boolean separated = before < hit.start() || possessive < before;
        for (Map.Entry<String, Gazetteer.Place> entry : rules.gazetteer().titleOnlyNames().entrySet()) {
            String name = entry.getKey();
            int start = possessive - name.length();
            if (separated && start >= 0 && folded.startsWith(name, start) && wordBoundary(folded, start - 1)) {
                return List.of(new PlaceMention(start, possessive, entry.getValue(), false));
            }
            if (of > 0 && folded.startsWith(name, of) && wordBoundary(folded, of + name.length())) {
                return List.of(new PlaceMention(of, of + name.length(), entry.getValue(), false));
            }
        }
        return List.of();
    }

    private static boolean wordBoundary(String folded, int index) {
        return index < 0 || index >= folded.length() || !TextFolding.isWordChar(folded.charAt(index));
    }

    private static boolean isLocalTitle(RuleFiles.RoleDef role) {
        return role.level() == RuleFiles.RoleLevel.LOCAL || "POLICE".equals(role.role())
                || "LAW_ENFORCEMENT".equals(role.role());
    }

    private List<PlaceMention> qualifiersBefore(String folded, Hit hit, List<PlaceMention> places) {
        PlaceMention adjacent = null;
        for (PlaceMention p : places) {
            if (p.end() <= hit.start() && gapMatches(BEFORE_GAP, folded, p.end(), hit.start())) {
                adjacent = p;
            }
        }
        if (adjacent == null) {
            // "Chicago's police", "Stockton police": also no gap at all is fine
            return List.of();
        }
        List<PlaceMention> chain = new ArrayList<>();
        chain.add(adjacent);
        PlaceMention current = adjacent;
        for (int i = places.indexOf(adjacent) - 1; i >= 0; i--) {
            PlaceMention p = places.get(i);
            if (p.end() <= current.start() && gapMatches(CHAIN_GAP, folded, p.end(), current.start())) {
                chain.add(0, p);
                current = p;
            } else {
                break;
            }
        }
        return chain;
    }

    private List<PlaceMention> qualifiersAfter(String folded, Hit hit, List<PlaceMention> places) {
        List<PlaceMention> chain = new ArrayList<>();
        PlaceMention first = null;
        for (PlaceMention p : places) {
            if (p.start() >= hit.end() && gapMatches(AFTER_GAP, folded, hit.end(), p.start())) {
                first = p;
                break;
            }
        }
        if (first == null) {
            return chain;
        }
        chain.add(first);
        PlaceMention current = first;
        for (int i = places.indexOf(first) + 1; i < places.size(); i++) {
            PlaceMention p = places.get(i);
            if (p.start() >= current.end() && gapMatches(CHAIN_GAP, folded, current.end(), p.start())) {
                chain.add(p);
                current = p;
            } else {
                break;
            }
        }
        return chain;
    }

    private static PlaceMention nearestDomesticPlace(Hit hit, List<PlaceMention> places,
                                                     List<Segmenter.Sentence> sentences) {
        Segmenter.Sentence sentence = sentences.stream().filter(s -> s.contains(hit.start())).findFirst().orElse(null);
        PlaceMention best = null;
        int bestDistance = Integer.MAX_VALUE;
        if (sentence != null) {
            for (PlaceMention p : places) {
                if (p.domestic() && p.start() >= sentence.start() && p.end() <= sentence.end()) {
                    // a place before the actor is usually its own; after it, often a target: prefer before
                    int distance = p.end() <= hit.start() ? hit.start() - p.end() : 2 * (p.start() - hit.end()) + 1;
                    if (distance < bestDistance) {
                        best = p;
                        bestDistance = distance;
                    }
                }
            }
        }
        if (best == null) {
            best = places.stream().filter(PlaceMention::domestic).findFirst().orElse(null);
        }
        return best;
    }

    /** A place is the subject when nothing ties it to a preceding word and a verb follows it. */
    private boolean isSubject(String folded, List<Hit> hits, PlaceMention place) {
        String before = folded.substring(0, place.start()).stripTrailing();
        int wordStart = before.length();
        while (wordStart > 0 && Character.isLetter(before.charAt(wordStart - 1))) {
            wordStart--;
        }
        String previous = before.substring(wordStart);
        if (PREPOSITIONS.contains(previous) || previous.equals("'s")) {
            return false;
        }
        int i = place.end();
        String rest = folded.substring(i);
        if (rest.startsWith("'s ") || rest.startsWith("\u2019s ")) {
            return isPossessiveAction(rest.substring(3));
        }
        if (rest.startsWith("'s") || rest.startsWith("-")) {
            return false;
        }
        // skip an appositive: "Denver, a sanctuary city, refused..."
        if (rest.startsWith(", ")) {
            int close = rest.indexOf(',', 2);
            if (close > 0 && close < 80 && !rest.substring(2, close).contains(".")) {
                i += close + 1;
                rest = folded.substring(i);
            } else {
                return false;
            }
        }
        String stripped = rest.stripLeading();
        int offset = i + (rest.length() - stripped.length());
        for (Hit hit : hits) {
            if (hit.start() == offset && hit.entry().category() == PhraseIndex.Category.CUE) {
                CueKind kind = ((RuleFiles.CueDef) hit.entry().rule()).kind();
                if (kind != CueKind.NONE && kind != CueKind.TARGET && kind != CueKind.REPORT) {
                    return true;
                }
            }
        }
        int end = 0;
        while (end < stripped.length() && (Character.isLetter(stripped.charAt(end)) || stripped.charAt(end) == '\'')) {
            end++;
        }
        String next = stripped.substring(0, end).toLowerCase(Locale.ROOT);
        return followers.contains(next);
    }

    /**
     * "Milwaukee's decision to end its agreement with ICE": the place whose decision, move or vote "to" do
     * something is said is the one that does it ({@code grammar.placePossessiveActions}).
     */
    private boolean isPossessiveAction(String afterPossessive) {
        int end = 0;
        while (end < afterPossessive.length() && Character.isLetter(afterPossessive.charAt(end))) {
            end++;
        }
        return end > 0 && possessiveActions.contains(afterPossessive.substring(0, end))
                && afterPossessive.startsWith(" to ", end);
    }

    /** A place standing for its government ("California sued..."): the State of, City of, or Government of it. */
    public static ActorMention placeAsActor(PlaceMention place) {
        Gazetteer.Place p = place.place();
        GovernmentLevel level = !p.isDomestic() ? GovernmentLevel.FOREIGN
                : p.kind() == JurisdictionKind.STATE ? GovernmentLevel.STATE : GovernmentLevel.LOCAL;
        String name = p.kind() == JurisdictionKind.STATE ? "State of " + p.name()
                : p.kind() == JurisdictionKind.CITY ? "City of " + p.displayName()
                : p.displayName();
        if (level == GovernmentLevel.FOREIGN) {
            name = "Government of " + p.name();
        }
        Agent agent = new Agent("GOVT-" + p.code(), name, level, GovernmentBranch.EXECUTIVE, p, place.start(),
                place.end(), "place-as-actor:" + p.code(), null, false);
        return new ActorMention(place.start(), place.end(), List.of(agent), false, false, "place-as-actor");
    }
}
