package org.policyradar.streams.enrich;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cheap first look that decides which packs analyse an item: one automaton over the context phrases of all
 * selected packs. A pack runs only when one of its phrases is in the text, so the cost of an item grows with the
 * packs it touches, not with all packs.
 */
final class PackGate {

    private final List<DomainPack> packs;
    private final PhraseIndex index;

    PackGate(List<DomainPack> packs, Map<String, List<PackComposer.GatePhrase>> phrasesByDomain) {
        this.packs = List.copyOf(packs);
        // a phrase two packs share opens both gates: one entry whose rule is the set of their domains
        Map<String, Set<String>> domainsByPhrase = new LinkedHashMap<>();
        Map<String, PackComposer.GatePhrase> phraseOf = new LinkedHashMap<>();
        phrasesByDomain.forEach((domain, phrases) -> phrases.forEach(p -> {
            String key = (p.exact() ? "E|" : "F|") + TextFolding.fold(p.phrase().strip());
            domainsByPhrase.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(domain);
            phraseOf.putIfAbsent(key, p);
        }));
        PhraseIndex.Builder builder = new PhraseIndex.Builder();
        domainsByPhrase.forEach((key, domains) -> builder.add(PhraseIndex.Category.CUE, Set.copyOf(domains),
                phraseOf.get(key).phrase(), phraseOf.get(key).exact(), "pack gate of " + domains));
        this.index = builder.build();
    }

    /** The packs whose gate the text opens, in pack order. */
    List<DomainPack> packsFor(String analysed) {
        List<PhraseIndex.Hit> hits = index.find(analysed, TextFolding.fold(analysed));
        if (hits.isEmpty()) {
            return List.of();
        }
        Set<String> domains = new LinkedHashSet<>();
        for (PhraseIndex.Hit hit : hits) {
            @SuppressWarnings("unchecked")
            Set<String> of = (Set<String>) hit.entry().rule();
            domains.addAll(of);
        }
        List<DomainPack> open = new ArrayList<>(domains.size());
        for (DomainPack pack : packs) {
            // "transgender athletes" in a school story: the narrower pack reads it, not the broader one
            if (domains.contains(pack.domain()) && pack.yieldsTo().stream().noneMatch(domains::contains)) {
                open.add(pack);
            }
        }
        return open;
    }
}
