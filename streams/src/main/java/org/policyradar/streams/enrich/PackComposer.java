package org.policyradar.streams.enrich;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.policyradar.avro.PolicyTopic;

/**
 * Builds the rule files one domain pack runs with: the shared core of the three immigration-era files (the
 * grammar, segmentation, scoring, places, officials by title and place, and every cue that names no topic and
 * no immigration context: negators, refusals, suing, rulings, reports, targets, instruments, generic pressure)
 * plus the pack's own actors, roles and cues. Immigration's context flags and implied topics are dropped from
 * the core, so that only the pack's context phrases make an item about its domain and every position it finds
 * is on the pack's topic. A phrase the pack claims is taken out of the core rule that claimed it: the pack wins.
 */
final class PackComposer {

    static final String CONTEXT_CUE = "pack-context";

    private PackComposer() {
    }

    record Composed(RuleFiles.ActorsFile actors, RuleFiles.PlacesFile places, RuleFiles.CuesFile cues) {
    }

    static Composed compose(RuleFiles.ActorsFile coreActors, RuleFiles.PlacesFile corePlaces,
                            RuleFiles.CuesFile coreCues, RuleFiles.PackFile pack, String file) {
        validate(pack, file);
        String version = pack.version();
        PolicyTopic topic = pack.topic();
        Set<String> claimedCuePhrases = new HashSet<>();
        pack.cues().forEach(c -> {
            c.phrases().forEach(p -> claimedCuePhrases.add(TextFolding.fold(p.strip())));
            c.exact().forEach(p -> claimedCuePhrases.add(TextFolding.fold(p.strip())));
        });
        Set<String> claimedActorPhrases = new HashSet<>();
        pack.actors().forEach(a -> {
            a.aliases().forEach(p -> claimedActorPhrases.add(TextFolding.fold(p.strip())));
            a.exact().forEach(p -> claimedActorPhrases.add(TextFolding.fold(p.strip())));
        });
        pack.roles().forEach(r -> {
            r.aliases().forEach(p -> claimedActorPhrases.add(TextFolding.fold(p.strip())));
            r.exact().forEach(p -> claimedActorPhrases.add(TextFolding.fold(p.strip())));
        });

        Map<String, RuleFiles.ActorDef> actors = new LinkedHashMap<>();
        for (RuleFiles.ActorDef a : coreActors.actors()) {
            actors.put(a.id(), new RuleFiles.ActorDef(a.id(), a.name(), a.level(), a.branch(), a.place(), false, null,
                    without(a.aliases(), claimedActorPhrases), without(a.exact(), claimedActorPhrases)));
        }
        pack.actors().forEach(a -> actors.put(a.id(), a));
        Map<String, RuleFiles.RoleDef> roles = new LinkedHashMap<>();
        for (RuleFiles.RoleDef r : coreActors.roles()) {
            roles.put(r.role(), new RuleFiles.RoleDef(r.role(), r.idPrefix(), r.name(), r.level(), r.branch(),
                    r.fallback(), r.unqualified(), null, without(r.aliases(), claimedActorPhrases),
                    without(r.exact(), claimedActorPhrases)));
        }
        pack.roles().forEach(r -> roles.put(r.role(), r));

        List<RuleFiles.CueDef> cues = new ArrayList<>();
        Set<String> excluded = Set.copyOf(pack.excludeCoreCues());
        Set<String> coreIds = new HashSet<>();
        coreCues.cues().forEach(c -> coreIds.add(c.id()));
        for (String id : excluded) {
            if (!coreIds.contains(id)) {
                throw new RuleSetException("rules file " + file + ": excludeCoreCues names unknown cue '" + id + "'");
            }
        }
        for (RuleFiles.CueDef c : coreCues.cues()) {
            if (c.topic() != null || c.context() || excluded.contains(c.id())) {
                continue;
            }
            cues.add(withPhrases(c, c.topic(), without(c.phrases(), claimedCuePhrases),
                    without(c.exact(), claimedCuePhrases)));
        }
        for (RuleFiles.CueDef c : pack.cues()) {
            cues.add(withPhrases(c, c.topic() == null ? topic : c.topic(), c.phrases(), c.exact()));
        }
        // the gate holds every context phrase; the context cue keeps only those no other cue of the pack claims
        Set<String> allCuePhrases = new HashSet<>();
        cues.forEach(c -> {
            c.phrases().forEach(p -> allCuePhrases.add(TextFolding.fold(p.strip())));
            c.exact().forEach(p -> allCuePhrases.add(TextFolding.fold(p.strip())));
        });
        List<String> context = without(pack.context(), allCuePhrases);
        if (!context.isEmpty()) {
            cues.add(new RuleFiles.CueDef(CONTEXT_CUE, CueKind.NONE, null, topic, null, true, null, false, List.of(),
                    false, false, false, false, false, false, false, false, false, context, List.of()));
        }
        RuleFiles.Scoring s = coreCues.scoring();
        RuleFiles.Scoring scoring = s == null ? null : s.withDefaultTopic(topic);
        return new Composed(
                new RuleFiles.ActorsFile(version, List.copyOf(actors.values()), List.copyOf(roles.values())),
                new RuleFiles.PlacesFile(version, corePlaces.nationwide(), corePlaces.states(), corePlaces.places(),
                        corePlaces.foreign(), corePlaces.titleOnlyRoles()),
                new RuleFiles.CuesFile(version, coreCues.segmentation(), coreCues.grammar(), scoring, cues));
    }

    /** The phrases that open the gate of a pack: its context phrases and the aliases of its context actors. */
    static List<GatePhrase> gatePhrases(RuleFiles.PackFile pack) {
        List<GatePhrase> phrases = new ArrayList<>();
        pack.context().forEach(p -> phrases.add(new GatePhrase(p, false)));
        for (RuleFiles.CueDef c : pack.cues()) {
            if (c.context()) {
                c.phrases().forEach(p -> phrases.add(new GatePhrase(p, false)));
                c.exact().forEach(p -> phrases.add(new GatePhrase(p, true)));
            }
        }
        for (RuleFiles.ActorDef a : pack.actors()) {
            if (a.context()) {
                a.aliases().forEach(p -> phrases.add(new GatePhrase(p, false)));
                a.exact().forEach(p -> phrases.add(new GatePhrase(p, true)));
            }
        }
        return phrases;
    }

    record GatePhrase(String phrase, boolean exact) {
    }

    private static void validate(RuleFiles.PackFile pack, String file) {
        if (pack.domain() == null || !pack.domain().matches("[A-Z][A-Z_]*")) {
            throw new RuleSetException("rules file " + file + " needs a 'domain' in capitals, e.g. EDUCATION");
        }
        if (pack.version() == null || pack.version().isBlank()) {
            throw new RuleSetException("rules file " + file + " has no top-level 'version'");
        }
        if (pack.topic() == null) {
            throw new RuleSetException("rules file " + file + " has no 'topic'");
        }
        if (!PolicyDomains.of(pack.topic()).equals(pack.domain())) {
            throw new RuleSetException("rules file " + file + ": topic " + pack.topic() + " belongs to domain "
                    + PolicyDomains.of(pack.topic()) + ", not " + pack.domain());
        }
        if (gatePhrases(pack).isEmpty()) {
            throw new RuleSetException("rules file " + file + " has no context phrase: nothing would open its gate");
        }
    }

    private static RuleFiles.CueDef withPhrases(RuleFiles.CueDef c, PolicyTopic topic, List<String> phrases,
                                                List<String> exact) {
        return new RuleFiles.CueDef(c.id(), c.kind(), c.weight(), topic, c.instrument(), c.context(), c.scope(),
                c.needsObject(), c.levels(), c.negatesWithoutJudge(), c.federalOnly(), c.unnegatable(),
                c.opposesProtections(), c.needsAim(), c.alignsWithAgencyOnly(), c.demand(), c.attack(), c.people(),
                phrases, exact);
    }

    private static List<String> without(List<String> phrases, Set<String> claimed) {
        if (claimed.isEmpty()) {
            return phrases;
        }
        return phrases.stream().filter(p -> !claimed.contains(TextFolding.fold(p.strip()))).toList();
    }
}
