package org.policyradar.streams.evaluate;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.policyradar.streams.enrich.PolicyDomains;

/**
 * The policy domains a labels file covers and its labels as each domain sees them. A label's domain follows from
 * its topic; a label without one (NEUTRAL) belongs to the file's main domain, the one most of its topics name.
 * Seen from another domain, an item's label is NEUTRAL and its {@code also} labels of that domain remain.
 */
final class DomainLabels {

    private final LabelFile file;
    private final Map<String, String> domainOf = new LinkedHashMap<>();
    private final Set<String> covered = new LinkedHashSet<>();

    DomainLabels(LabelFile file) {
        this.file = file;
        Map<String, Integer> counts = new TreeMap<>();
        file.items().values().forEach(i -> {
            if (i.main().topic() != null) {
                counts.merge(PolicyDomains.ofLabel(i.main().topic()), 1, Integer::sum);
            }
        });
        String main = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(PolicyDomains.IMMIGRATION);
        file.items().forEach((id, i) -> domainOf.put(id,
                i.main().topic() == null ? main : PolicyDomains.ofLabel(i.main().topic())));
        domainOf.values().stream().sorted().forEach(covered::add);
    }

    /** The domains the labels cover, in alphabetical order. */
    Set<String> covered() {
        return covered;
    }

    /** The domain of an item's main label. */
    String domainOf(String id) {
        return domainOf.get(id);
    }

    /** The labels as the given domain sees them. */
    LabelFile view(String domain) {
        Map<String, LabelledItem> items = new LinkedHashMap<>();
        file.items().forEach((id, i) -> {
            List<Label> also = i.also().stream()
                    .filter(a -> a.topic() == null || PolicyDomains.ofLabel(a.topic()).equals(domain)).toList();
            Label main = domain.equals(domainOf.get(id)) ? i.main() : i.main().neutral();
            items.put(id, new LabelledItem(id, i.line(), i.cluster(), main, also, i.optionalOnly()));
        });
        Set<List<String>> required = file.requiredPairs() == null ? null : new LinkedHashSet<>(
                file.requiredPairs().stream().filter(p -> domain.equals(domainOf.get(p.get(0)))).toList());
        return new LabelFile(items, required);
    }
}
