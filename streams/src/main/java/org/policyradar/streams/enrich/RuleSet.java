package org.policyradar.streams.enrich;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A versioned set of enrichment rules: actors (actors.json), places (places.json) and cue phrases with their
 * grammar and scoring (cues.json). The three files carry the same top-level {@code version}, which goes into
 * every enriched item, so that the same input and the same version give the same output. All phrases are
 * compiled into one Aho-Corasick automaton when the set is loaded; a rule set is immutable and thread-safe.
 *
 * <p>The three files are the shared core and the immigration pack at once. Further policy domains come as packs
 * (rules/packs/&lt;domain&gt;.json, listed in rules/packs/packs.json; docs/packs.md): each is compiled with the
 * core into a rule set of its own ({@link DomainPack}), and a {@link PackGate} over their context phrases decides
 * which of them read an item. The version then names the packs too: {@code 2026.12.2+education@2026.12.1,...}.
 */
public final class RuleSet {

    static final String ACTORS_FILE = "actors.json";
    static final String PLACES_FILE = "places.json";
    static final String CUES_FILE = "cues.json";
    static final String PACKS_DIR = "packs/";
    static final String PACK_INDEX = "packs.json";

    private final String version;
    private final Gazetteer gazetteer;
    private final Map<String, RuleFiles.ActorDef> actorsById;
    private final RuleFiles.Segmentation segmentation;
    private final RuleFiles.Grammar grammar;
    private final RuleFiles.Scoring scoring;
    private final List<Pattern> relativeTargets;
    private final Set<String> abbreviations;
    private final PhraseIndex index;
    private final boolean immigration;
    private final List<DomainPack> packs;
    private final PackGate gate;
    private final boolean gatedByPack;

    private RuleSet(RuleFiles.ActorsFile actors, RuleFiles.PlacesFile places, RuleFiles.CuesFile cues) {
        this(actors, places, cues, Map.of(), null, false);
    }

    /**
     * @param packFiles the packs by file name, in run order
     * @param domains   the domains to run (IMMIGRATION for the core files' own positions), or null for all
     */
    private RuleSet(RuleFiles.ActorsFile actors, RuleFiles.PlacesFile places, RuleFiles.CuesFile cues,
                    Map<String, RuleFiles.PackFile> packFiles, Set<String> domains, boolean gatedByPack) {
        this.gatedByPack = gatedByPack;
        String coreVersion = agreedVersion(actors, places, cues);
        this.gazetteer = GazetteerBuilder.of(places);
        this.actorsById = actorsById(actors);
        this.segmentation = require(cues.segmentation(), CUES_FILE, "segmentation");
        this.grammar = require(cues.grammar(), CUES_FILE, "grammar");
        this.scoring = checked(require(cues.scoring(), CUES_FILE, "scoring"));
        this.relativeTargets = compile(grammar.relativeTargets());
        this.abbreviations = abbreviations(segmentation, places);
        this.index = indexOf(actors, places, cues);
        Set<String> known = new TreeSet<>();
        known.add(PolicyDomains.IMMIGRATION);
        packFiles.values().forEach(p -> known.add(p.domain()));
        if (domains != null && !known.containsAll(domains)) {
            Set<String> unknown = new TreeSet<>(domains);
            unknown.removeAll(known);
            throw new RuleSetException("unknown domain(s) " + unknown + "; the rules know " + known);
        }
        this.immigration = domains == null || domains.contains(PolicyDomains.IMMIGRATION);
        List<DomainPack> selected = new ArrayList<>();
        Map<String, List<PackComposer.GatePhrase>> gatePhrases = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        StringBuilder fullVersion = new StringBuilder(coreVersion);
        for (Map.Entry<String, RuleFiles.PackFile> e : packFiles.entrySet()) {
            RuleFiles.PackFile pack = e.getValue();
            PackComposer.Composed composed = PackComposer.compose(actors, places, cues, pack, e.getKey());
            if (!seen.add(pack.domain()) || PolicyDomains.IMMIGRATION.equals(pack.domain())) {
                throw new RuleSetException("rules file " + e.getKey() + ": domain " + pack.domain()
                        + " is defined twice");
            }
            if (domains != null && !domains.contains(pack.domain())) {
                continue;
            }
            selected.add(new DomainPack(pack,
                    new RuleSet(composed.actors(), composed.places(), composed.cues(), Map.of(), null, true)));
            gatePhrases.put(pack.domain(), PackComposer.gatePhrases(pack));
            fullVersion.append(selected.size() == 1 ? "+" : ",").append(pack.domain().toLowerCase(Locale.ROOT))
                    .append('@').append(pack.version());
        }
        if (!immigration) {
            fullVersion.append(selected.isEmpty() ? "+" : ",").append("-immigration");
        }
        this.version = fullVersion.toString();
        this.packs = List.copyOf(selected);
        this.gate = selected.isEmpty() ? null : new PackGate(selected, gatePhrases);
    }

    /** The rules shipped with the application (src/main/resources/rules), with all bundled packs. */
    public static RuleSet loadDefault() {
        return loadDefault(null);
    }

    /**
     * The rules shipped with the application, running only the given domains.
     *
     * @param domains domain ids (IMMIGRATION, EDUCATION, ...), or null or empty for all bundled packs
     */
    public static RuleSet loadDefault(Collection<String> domains) {
        Map<String, RuleFiles.PackFile> packs = new LinkedHashMap<>();
        RuleFiles.PackIndex packIndex = RuleFileReader.resource(PACKS_DIR + PACK_INDEX, RuleFiles.PackIndex.class);
        for (String file : packIndex.packs()) {
            packs.put(PACKS_DIR + file,
                    RuleFileReader.resource(PACKS_DIR + file, RuleFiles.PackFile.class).withShared(packIndex.shared()));
        }
        return new RuleSet(
                RuleFileReader.resource(ACTORS_FILE, RuleFiles.ActorsFile.class),
                RuleFileReader.resource(PLACES_FILE, RuleFiles.PlacesFile.class),
                RuleFileReader.resource(CUES_FILE, RuleFiles.CuesFile.class), packs, selection(domains), false);
    }

    /** Rules from a directory holding actors.json, places.json and cues.json, and packs/ when it has one. */
    public static RuleSet load(Path dir) {
        return load(dir, null);
    }

    /** Rules from a directory, running only the given domains (null or empty: all its packs). */
    public static RuleSet load(Path dir, Collection<String> domains) {
        Map<String, RuleFiles.PackFile> packs = new LinkedHashMap<>();
        Path index = dir.resolve(PACKS_DIR).resolve(PACK_INDEX);
        if (Files.exists(index)) {
            RuleFiles.PackIndex packIndex = RuleFileReader.file(index, RuleFiles.PackIndex.class);
            for (String file : packIndex.packs()) {
                packs.put(PACKS_DIR + file, RuleFileReader.file(dir.resolve(PACKS_DIR).resolve(file), RuleFiles.PackFile.class)
                        .withShared(packIndex.shared()));
            }
        }
        return new RuleSet(
                RuleFileReader.file(dir.resolve(ACTORS_FILE), RuleFiles.ActorsFile.class),
                RuleFileReader.file(dir.resolve(PLACES_FILE), RuleFiles.PlacesFile.class),
                RuleFileReader.file(dir.resolve(CUES_FILE), RuleFiles.CuesFile.class), packs, selection(domains), false);
    }

    private static Set<String> selection(Collection<String> domains) {
        if (domains == null || domains.isEmpty()) {
            return null;
        }
        Set<String> selected = new LinkedHashSet<>();
        domains.forEach(d -> selected.add(d.strip().toUpperCase(Locale.ROOT)));
        return selected;
    }

    /** The domains this rule set runs: IMMIGRATION (when on) and the selected packs, in run order. */
    public List<String> domains() {
        List<String> all = new ArrayList<>();
        if (immigration) {
            all.add(PolicyDomains.IMMIGRATION);
        }
        packs.forEach(p -> all.add(p.domain()));
        return all;
    }

    /** The selected domain packs, in run order. */
    public List<DomainPack> packs() {
        return packs;
    }

    boolean immigrationOn() {
        return immigration;
    }

    /** True for the rule set of a domain pack: its gate has decided that an item is about its domain. */
    public boolean gatedByPack() {
        return gatedByPack;
    }

    PackGate gate() {
        return gate;
    }

    /** The version of the rules, e.g. "2026.11.1", followed by the selected packs' versions when there are any. */
    public String version() {
        return version;
    }

    /** The places the rules know. */
    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /** The named actor with this id; a missing one is a bug of the rules or the code, not of the input. */
    public RuleFiles.ActorDef actor(String id) {
        RuleFiles.ActorDef actor = actorsById.get(id);
        if (actor == null) {
            throw new IllegalStateException("no actor " + id + " in rules " + version);
        }
        return actor;
    }

    RuleFiles.Segmentation segmentation() {
        return segmentation;
    }

    /** Negation scope, objects, subjects and generic targets (cues.json {@code grammar}). */
    public RuleFiles.Grammar grammar() {
        return grammar;
    }

    /** The weights and factors of the confidence (cues.json {@code scoring}). */
    public RuleFiles.Scoring scoring() {
        return scoring;
    }

    /** The compiled patterns of generic targets ("any official who..."). */
    public List<Pattern> relativeTargets() {
        return relativeTargets;
    }

    Set<String> abbreviations() {
        return abbreviations;
    }

    /** Every phrase of the rules in one automaton. */
    public PhraseIndex index() {
        return index;
    }

    private static <T> T require(T value, String file, String field) {
        if (value == null) {
            throw new RuleSetException("rules file " + file + " has no '" + field + "'");
        }
        return value;
    }

    private static String agreedVersion(RuleFiles.ActorsFile actors, RuleFiles.PlacesFile places,
                                        RuleFiles.CuesFile cues) {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put(ACTORS_FILE, actors.version());
        versions.put(PLACES_FILE, places.version());
        versions.put(CUES_FILE, cues.version());
        versions.forEach((file, v) -> {
            if (v == null || v.isBlank()) {
                throw new RuleSetException("rules file " + file + " has no top-level 'version'");
            }
        });
        if (new LinkedHashSet<>(versions.values()).size() != 1) {
            throw new RuleSetException("rules files disagree on the version: " + versions);
        }
        return actors.version();
    }

    /** Every weight present and in [0, 1]: a missing one would otherwise read as 0 and silence every position. */
    private static RuleFiles.Scoring checked(RuleFiles.Scoring scoring) {
        require(scoring.defaultTopic(), CUES_FILE, "scoring.defaultTopic");
        scoring.weights().forEach((name, weight) -> checkWeight(weight, "scoring." + name));
        return scoring;
    }

    private static void checkWeight(Double weight, String what) {
        if (weight == null) {
            throw new RuleSetException("rules file " + CUES_FILE + " has no '" + what + "'");
        }
        if (!(weight >= 0.0 && weight <= 1.0)) {
            throw new RuleSetException("rules file " + CUES_FILE + ": '" + what + "' is " + weight
                    + ", expected a number from 0 to 1");
        }
    }

    private static Map<String, RuleFiles.ActorDef> actorsById(RuleFiles.ActorsFile actors) {
        Map<String, RuleFiles.ActorDef> byId = new LinkedHashMap<>();
        for (RuleFiles.ActorDef actor : actors.actors()) {
            if (actor.id() == null || actor.level() == null || actor.branch() == null || actor.name() == null) {
                throw new RuleSetException("rules file " + ACTORS_FILE + ": actor " + actor.id()
                        + " needs id, name, level and branch");
            }
            if (byId.putIfAbsent(actor.id(), actor) != null) {
                throw new RuleSetException("rules file " + ACTORS_FILE + ": actor id " + actor.id()
                        + " is defined twice");
            }
        }
        for (RuleFiles.RoleDef role : actors.roles()) {
            if (role.role() == null || role.idPrefix() == null || role.level() == null || role.branch() == null) {
                throw new RuleSetException("rules file " + ACTORS_FILE + ": role " + role.role()
                        + " needs role, idPrefix, level and branch");
            }
            if (role.unqualified() != null && !byId.containsKey(role.unqualified())) {
                throw new RuleSetException("rules file " + ACTORS_FILE + ": role " + role.role()
                        + " names unknown actor '" + role.unqualified() + "' as 'unqualified'");
            }
        }
        return byId;
    }

    private static List<Pattern> compile(List<String> regexes) {
        List<Pattern> patterns = new ArrayList<>();
        for (String regex : regexes) {
            try {
                patterns.add(Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                throw new RuleSetException("rules file " + CUES_FILE + ": grammar.relativeTargets has an invalid "
                        + "pattern '" + regex + "': " + e.getDescription(), e);
            }
        }
        return List.copyOf(patterns);
    }

    private static Set<String> abbreviations(RuleFiles.Segmentation segmentation, RuleFiles.PlacesFile places) {
        Set<String> all = new LinkedHashSet<>();
        segmentation.abbreviations().forEach(a -> all.add(a.toLowerCase(Locale.ROOT)));
        for (RuleFiles.StateDef state : places.states()) {
            state.exact().stream().filter(a -> a.endsWith(".")).forEach(a -> all.add(a.toLowerCase(Locale.ROOT)));
        }
        return Set.copyOf(all);
    }

    private PhraseIndex indexOf(RuleFiles.ActorsFile actors, RuleFiles.PlacesFile places, RuleFiles.CuesFile cues) {
        PhraseIndex.Builder builder = new PhraseIndex.Builder();
        for (RuleFiles.ActorDef actor : actors.actors()) {
            String owner = "rules file " + ACTORS_FILE + ": actor " + actor.id();
            if (actor.place() != null && gazetteer.byCode(actor.place()).isEmpty()) {
                throw new RuleSetException(owner + " names unknown place '" + actor.place() + "'");
            }
            actor.aliases().forEach(a -> builder.add(PhraseIndex.Category.ACTOR, actor, a, false, owner));
            actor.exact().forEach(a -> builder.add(PhraseIndex.Category.ACTOR, actor, a, true, owner));
        }
        for (RuleFiles.RoleDef role : actors.roles()) {
            String owner = "rules file " + ACTORS_FILE + ": role " + role.role();
            role.aliases().forEach(a -> builder.add(PhraseIndex.Category.ROLE, role, a, false, owner));
            role.exact().forEach(a -> builder.add(PhraseIndex.Category.ROLE, role, a, true, owner));
        }
        for (RuleFiles.StateDef state : places.states()) {
            Gazetteer.Place place = gazetteer.byCode(state.code()).orElseThrow();
            String owner = "rules file " + PLACES_FILE + ": state " + state.code();
            state.aliases().forEach(a -> builder.add(PhraseIndex.Category.PLACE, place, a, false, owner));
            state.exact().forEach(a -> builder.add(PhraseIndex.Category.PLACE, place, a, true, owner));
        }
        for (RuleFiles.PlaceDef def : places.places()) {
            Gazetteer.Place place = gazetteer.byCode(def.code()).orElseThrow();
            String owner = "rules file " + PLACES_FILE + ": place " + def.code();
            def.aliases().forEach(a -> builder.add(PhraseIndex.Category.PLACE, place, a, false, owner));
            def.exact().forEach(a -> builder.add(PhraseIndex.Category.PLACE, place, a, true, owner));
        }
        for (RuleFiles.ForeignDef def : places.foreign()) {
            Gazetteer.Place place = gazetteer.byCode(def.code()).orElseThrow();
            String owner = "rules file " + PLACES_FILE + ": foreign place " + def.code();
            def.aliases().forEach(a -> builder.add(PhraseIndex.Category.PLACE, place, a, false, owner));
            def.demonyms().forEach(a -> builder.add(PhraseIndex.Category.DEMONYM, place, a, false, owner));
        }
        Set<String> cueIds = new LinkedHashSet<>();
        for (RuleFiles.CueDef cue : cues.cues()) {
            String owner = "rules file " + CUES_FILE + ": cue " + cue.id();
            if (cue.id() == null || cue.kind() == null) {
                throw new RuleSetException(owner + " needs an id and a kind");
            }
            if (!cueIds.add(cue.id())) {
                throw new RuleSetException(owner + " is defined twice");
            }
            if (cue.weight() != null && !(cue.weight() >= 0.0 && cue.weight() <= 1.0)) {
                throw new RuleSetException(owner + " has weight " + cue.weight() + ", expected a number from 0 to 1");
            }
            cue.phrases().forEach(p -> builder.add(PhraseIndex.Category.CUE, cue, p, false, owner));
            cue.exact().forEach(p -> builder.add(PhraseIndex.Category.CUE, cue, p, true, owner));
        }
        return builder.build();
    }
}
