package org.policyradar.streams.enrich;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.policyradar.avro.GovernmentBranch;
import org.policyradar.avro.GovernmentLevel;
import org.policyradar.avro.Instrument;
import org.policyradar.avro.PolicyTopic;

/** The shapes of the three rule files, as Jackson reads them; see the {@code _doc} of each file for the meaning. */
public final class RuleFiles {

    private RuleFiles() {
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    @JsonIgnoreProperties({"_doc"})
    record ActorsFile(String version, List<ActorDef> actors, List<RoleDef> roles) {
        ActorsFile {
            actors = orEmpty(actors);
            roles = orEmpty(roles);
        }
    }

    /** A named actor with a fixed id. */
    public record ActorDef(String id, String name, GovernmentLevel level, GovernmentBranch branch, String place,
                    boolean context, PolicyTopic topic, List<String> aliases, List<String> exact) {
        public ActorDef {
            aliases = orEmpty(aliases);
            exact = orEmpty(exact);
        }
    }

    /** How a generic actor finds its place when none is adjacent. */
    enum Fallback { ITEM, UNKNOWN, NONE }

    /** Level of a generic actor: fixed, or taken from the place that qualifies it. */
    enum RoleLevel { FEDERAL, STATE, LOCAL, BY_PLACE }

    /** A generic actor (police, mayor, governor) whose id is built from the place it is resolved to. */
    record RoleDef(String role, String idPrefix, String name, RoleLevel level, GovernmentBranch branch,
                   Fallback fallback, String unqualified, PolicyTopic topic, List<String> aliases, List<String> exact) {
        RoleDef {
            aliases = orEmpty(aliases);
            exact = orEmpty(exact);
            fallback = fallback == null ? Fallback.NONE : fallback;
        }
    }

    @JsonIgnoreProperties({"_doc"})
    record PlacesFile(String version, NationwideDef nationwide, List<StateDef> states, List<PlaceDef> places,
                      List<ForeignDef> foreign, List<String> titleOnlyRoles) {
        PlacesFile {
            titleOnlyRoles = orEmpty(titleOnlyRoles);
            states = orEmpty(states);
            places = orEmpty(places);
            foreign = orEmpty(foreign);
        }
    }

    record NationwideDef(String code, String name) {
    }

    record StateDef(String code, String name, String namesakeCity, List<String> aliases, List<String> exact,
                    List<String> titleOnly) {
        StateDef {
            titleOnly = orEmpty(titleOnly);
            aliases = orEmpty(aliases);
            exact = orEmpty(exact);
        }
    }

    record PlaceDef(String code, String kind, String name, String state, List<String> aliases, List<String> exact,
                    List<String> within) {
        PlaceDef {
            aliases = orEmpty(aliases);
            exact = orEmpty(exact);
            within = orEmpty(within);
        }
    }

    record ForeignDef(String code, String name, List<String> aliases, List<String> demonyms, List<String> within) {
        ForeignDef {
            aliases = orEmpty(aliases);
            demonyms = orEmpty(demonyms);
            within = orEmpty(within);
        }
    }

    @JsonIgnoreProperties({"_doc"})
    record CuesFile(String version, Segmentation segmentation, Grammar grammar, Scoring scoring, List<CueDef> cues) {
        CuesFile {
            cues = orEmpty(cues);
        }
    }

    /** Sentence and clause splitting. */
    record Segmentation(List<String> abbreviations, List<String> coordinators, List<String> subordinators,
                        List<String> leadSubordinators, int leadSubordinatorWords,
                        List<String> firstWordSubordinators) {
        Segmentation {
            abbreviations = orEmpty(abbreviations);
            coordinators = orEmpty(coordinators);
            subordinators = orEmpty(subordinators);
            leadSubordinators = orEmpty(leadSubordinators);
            firstWordSubordinators = orEmpty(firstWordSubordinators);
        }
    }

    /** Negation scope, objects, subjects and generic targets. */
    public record Grammar(int negationWindowWords, List<String> negationBreakers, int objectWindowWords,
                   List<String> placeSubjectFollowers, List<String> relativeTargets, List<String> nounOrVerbCues,
                   List<String> placePossessiveActions, List<String> evaluationVerbs) {
        public Grammar {
            placePossessiveActions = orEmpty(placePossessiveActions);
            evaluationVerbs = orEmpty(evaluationVerbs);
            nounOrVerbCues = orEmpty(nounOrVerbCues);
            negationBreakers = orEmpty(negationBreakers);
            placeSubjectFollowers = orEmpty(placeSubjectFollowers);
            relativeTargets = orEmpty(relativeTargets);
        }
    }

    /**
     * The weights and factors of the confidence (every number of it lives here, none in the code), and the topic
     * of a position whose text names none. Boxed so that a missing weight is an error, not a silent 0.
     */
    public record Scoring(PolicyTopic defaultTopic, Double minConfidence, Double placeAsActor, Double agentAfterCue,
                          Double inheritedAgent, Double impliedFederalAgent, Double subordinateClause,
                          Double laterSentence, Double unknownJurisdiction, Double cueWeight, Double refusalWeight,
                          Double courtWeight) {

        /** The same weights with another default topic (a domain pack's). */
        Scoring withDefaultTopic(PolicyTopic topic) {
            return new Scoring(topic, minConfidence, placeAsActor, agentAfterCue, inheritedAgent, impliedFederalAgent,
                    subordinateClause, laterSentence, unknownJurisdiction, cueWeight, refusalWeight, courtWeight);
        }

        /** Each weight by its name in cues.json, in file order. */
        Map<String, Double> weights() {
            Map<String, Double> all = new LinkedHashMap<>();
            all.put("minConfidence", minConfidence);
            all.put("placeAsActor", placeAsActor);
            all.put("agentAfterCue", agentAfterCue);
            all.put("inheritedAgent", inheritedAgent);
            all.put("impliedFederalAgent", impliedFederalAgent);
            all.put("subordinateClause", subordinateClause);
            all.put("laterSentence", laterSentence);
            all.put("unknownJurisdiction", unknownJurisdiction);
            all.put("cueWeight", cueWeight);
            all.put("refusalWeight", refusalWeight);
            all.put("courtWeight", courtWeight);
            return all;
        }
    }

    /** One cue: its phrases and what they say ({@code _doc}: why, for the people who edit the rules). */
    @JsonIgnoreProperties({"_doc"})
    public record CueDef(String id, CueKind kind, Double weight, PolicyTopic topic, Instrument instrument, boolean context,
                  String scope, boolean needsObject, List<GovernmentLevel> levels, boolean negatesWithoutJudge,
                  boolean federalOnly, boolean unnegatable, boolean opposesProtections, boolean needsAim, boolean alignsWithAgencyOnly,
                  boolean demand, boolean attack, boolean people,
                  List<String> phrases, List<String> exact) {
        public CueDef {
            phrases = orEmpty(phrases);
            exact = orEmpty(exact);
            levels = orEmpty(levels);
        }

        public double weightOr(double fallback) {
            return weight == null ? fallback : weight;
        }

        public boolean nationwide() {
            return "NATIONWIDE".equals(scope);
        }
    }

    /**
     * A policy-domain pack (rules/packs/&lt;domain&gt;.json): its domain and topic, the context phrases that make an
     * item about the domain (the gate), the core cues it leaves out, its own actors, roles and cues, and what
     * each side means in the domain. The shared grammar, places and officials come from the core files.
     * {@code counterpart}, when given, lists the words that name the federal side (the administration, its
     * departments, federal law): an item that names none of them has no RESIST or ALIGN position in the pack.
     */
    @JsonIgnoreProperties({"_doc"})
    record PackFile(String domain, String version, PolicyTopic topic, List<String> context,
                    List<String> excludeCoreCues, List<String> yieldsTo, Map<String, String> meaning, List<ActorDef> actors,
                    List<RoleDef> roles, List<CueDef> cues, List<String> counterpart) {
        PackFile {
            counterpart = orEmpty(counterpart);
            context = orEmpty(context);
            excludeCoreCues = orEmpty(excludeCoreCues);
            yieldsTo = orEmpty(yieldsTo);
            meaning = meaning == null ? Map.of() : Map.copyOf(meaning);
            actors = orEmpty(actors);
            roles = orEmpty(roles);
            cues = orEmpty(cues);
        }

        /**
         * This pack with the entries every pack shares (generic stance verbs, officials the core does not name)
         * after its own; an entry whose id the pack defines itself is the pack's.
         */
        PackFile withShared(SharedPackRules shared) {
            return new PackFile(domain, version, topic, context, excludeCoreCues, yieldsTo, meaning,
                    joined(actors, shared.actors(), ActorDef::id), joined(roles, shared.roles(), RoleDef::role),
                    joined(cues, shared.cues(), CueDef::id), counterpart);
        }

        private static <T> List<T> joined(List<T> own, List<T> shared, Function<T, String> id) {
            Set<String> ownIds = own.stream().map(id).collect(Collectors.toSet());
            List<T> all = new ArrayList<>(own);
            shared.stream().filter(e -> !ownIds.contains(id.apply(e))).forEach(all::add);
            return List.copyOf(all);
        }
    }

    /** Actors, roles and cues that every pack adds to the core, kept once in packs.json. */
    record SharedPackRules(List<ActorDef> actors, List<RoleDef> roles, List<CueDef> cues) {
        static final SharedPackRules NONE = new SharedPackRules(List.of(), List.of(), List.of());

        SharedPackRules {
            actors = orEmpty(actors);
            roles = orEmpty(roles);
            cues = orEmpty(cues);
        }
    }

    /** The list of bundled packs (rules/packs/packs.json), in the order they run, and what they all share. */
    @JsonIgnoreProperties({"_doc"})
    record PackIndex(List<String> packs, SharedPackRules shared) {
        PackIndex {
            packs = orEmpty(packs);
            shared = shared == null ? SharedPackRules.NONE : shared;
        }
    }
}
