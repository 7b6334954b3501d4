package org.policyradar.streams.evaluate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.policyradar.avro.EnrichedNewsItem;
import org.policyradar.avro.GovernmentBranch;
import org.policyradar.avro.Jurisdiction;
import org.policyradar.avro.JurisdictionKind;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.avro.PolicyPosition;
import org.policyradar.streams.conflict.ConflictRules;
import org.policyradar.streams.enrich.Enricher;
import org.policyradar.streams.enrich.PolicyDomains;
import org.policyradar.streams.enrich.RuleSet;

/**
 * Measures the rules against a labelled corpus: enriches every item of a part of it, scores the items (side,
 * topic, place) and the conflict pairs {@link ConflictRules} finds between them at the level of the labelled
 * story clusters, and lists every error with the evidence behind it. Each item is its own story here, so that
 * only enrichment and the conflict definition are measured, not story grouping or time windows.
 */
public final class Evaluation {

    /** The figures of one run (summed over the domains, and per domain) and its error list. */
    public record Result(Figures figures, List<Figures> perDomain, List<String> errors) {
    }

    private static final Instant PUBLISHED = Instant.parse("2026-01-01T00:00:00Z");
    static final List<String> SIDES = List.of("PRESS", "RESIST", "ALIGNED", "JUDICIAL", "NEUTRAL");

    private final RuleSet rules;
    private final Enricher enricher;
    private final ConflictRules conflictRules;

    public Evaluation(RuleSet rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.enricher = new Enricher(rules);
        this.conflictRules = new ConflictRules(rules);
    }

    /**
     * Runs the rules over the items of the corpus in the given part of the split, scoring each policy domain the
     * labels cover on its own: an item counts in a domain when its label is of that domain, or when it is
     * labelled in another covered domain and the rules give it a position of this one (then its label there is
     * NEUTRAL). Positions of domains the labels do not cover count against nothing (an immigration set says
     * nothing about a voter-roll lawsuit). The figures are the sum over the covered domains.
     */
    public Result run(List<CorpusItem> corpus, LabelFile labels, HoldoutSplit split) {
        List<CorpusItem> items = corpus.stream().filter(split::contains).toList();
        Map<String, EnrichedNewsItem> enriched = new LinkedHashMap<>();
        for (CorpusItem item : items) {
            enriched.put(item.id(), enriched(item));
        }
        DomainLabels domains = new DomainLabels(labels);
        List<String> errors = new ArrayList<>();
        List<Figures> perDomain = new ArrayList<>();
        boolean several = domains.covered().size() > 1;
        for (String domain : domains.covered()) {
            LabelFile view = domains.view(domain);
            Map<String, EnrichedNewsItem> ofDomain = new LinkedHashMap<>();
            enriched.forEach((id, item) -> {
                EnrichedNewsItem only = onlyDomain(item, domain);
                if (domain.equals(domains.domainOf(id)) || !only.getPositions().isEmpty()) {
                    ofDomain.put(id, only);
                }
            });
            List<String> domainErrors = new ArrayList<>();
            perDomain.add(score(ofDomain, view, split, domain, domainErrors));
            domainErrors.forEach(e -> errors.add(several ? domain + " " + e : e));
        }
        return new Result(Figures.sum(split.name(), perDomain), perDomain, errors);
    }

    private static EnrichedNewsItem onlyDomain(EnrichedNewsItem item, String domain) {
        List<PolicyPosition> kept = item.getPositions().stream()
                .filter(p -> PolicyDomains.of(p.getTopic()).equals(domain)).toList();
        return kept.size() == item.getPositions().size() ? item
                : EnrichedNewsItem.newBuilder(item).setPositions(kept).build();
    }

    private Figures score(Map<String, EnrichedNewsItem> enriched, LabelFile labels, HoldoutSplit split, String domain,
                          List<String> errors) {
        Ratio side = new Ratio(0, 0);
        Ratio topic = new Ratio(0, 0);
        Ratio place = new Ratio(0, 0);
        Map<String, Ratio> precision = new LinkedHashMap<>();
        Map<String, Ratio> recall = new LinkedHashMap<>();
        SIDES.forEach(s -> {
            precision.put(s, new Ratio(0, 0));
            recall.put(s, new Ratio(0, 0));
        });
        for (EnrichedNewsItem item : enriched.values()) {
            LabelledItem label = labels.items().get(item.getItemId());
            List<PolicyPosition> positions = item.getPositions();
            Set<String> predicted = predictedSides(positions);
            String first = predicted.iterator().next();
            String wanted = label.main().side();
            side = side.plus(first.equals(wanted));
            for (String s : predicted) {
                precision.merge(s, new Ratio(0, 0).plus(label.sides().contains(s)), Evaluation::sum);
            }
            recall.merge(wanted, new Ratio(0, 0).plus(predicted.contains(wanted)), Evaluation::sum);
            List<PolicyPosition> ofSide = positions.stream().filter(p -> wanted.equals(sideOf(p))).toList();
            boolean topicOk = true;
            boolean placeOk = true;
            if (!ofSide.isEmpty() && label.main().topic() != null) {
                topicOk = ofSide.stream().anyMatch(p -> p.getTopic().name().equals(label.main().topic()));
                topic = topic.plus(topicOk);
            }
            if (!ofSide.isEmpty() && !wanted.equals("JUDICIAL") && (wanted.equals("PRESS") ? label.main().nationwide() || !label.main().scope().isEmpty()
                    : label.main().jurState() != null)) {
                placeOk = ofSide.stream().anyMatch(p -> placeMatches(label.main(), p.getJurisdiction()));
                place = place.plus(placeOk);
            }
            boolean sidesOk = label.sides().containsAll(predicted) || (predicted.equals(Set.of("NEUTRAL")) && label.optionalOnly());
            if (!first.equals(wanted) || !sidesOk || !topicOk || !placeOk) {
                errors.add(String.format("ITEM %s: labelled %s%s%s; found %s%n%s", item.getItemId(),
                        label.main().describe(), label.also().isEmpty() ? "" : " also " + label.also().stream()
                                .map(Label::describe).toList(), label.optionalOnly() ? " (optional only)" : "",
                        predicted, EvidenceText.positions(item)));
            }
        }
        Set<String> clusters = new LinkedHashSet<>();
        enriched.keySet().forEach(id -> clusters.add(labels.items().get(id).cluster()));
        PairCount pairs = pairs(enriched, labels, errors);
        return new Figures(split.name(), domain, enriched.size(), clusters.size(), side, topic, place, precision,
                recall, pairs.required, pairs.found, pairs.wrong, pairs.neither);
    }

    private record PairCount(int required, int found, int wrong, int neither) {
    }

    private PairCount pairs(Map<String, EnrichedNewsItem> enriched, LabelFile labels, List<String> errors) {
        Map<String, LabelledItem> label = labels.items();
        ClusterPairTally tally = new ClusterPairTally(labels, enriched.keySet());
        Map<String, List<PolicyConflict>> found = new TreeMap<>();
        List<EnrichedNewsItem> all = new ArrayList<>(enriched.values());
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                for (PolicyConflict conflict : conflictRules.match(all.get(i), all.get(j))) {
                    String key = tally.add(conflict.getPressing().getItemId(), conflict.getResisting().getItemId());
                    found.computeIfAbsent(key, k -> new ArrayList<>()).add(conflict);
                }
            }
        }
        for (var e : found.entrySet()) {
            if (tally.isWrong(e.getKey())) {
                PolicyConflict c = e.getValue().stream()
                        .filter(x -> tally.isWrong(x.getPressing().getItemId(), x.getResisting().getItemId()))
                        .findFirst().orElseThrow();
                errors.add(String.format("FALSE PAIR %s (%d item pairs), e.g. %s (labelled %s) x %s (labelled %s)%n"
                                + "    pressing %s%n    resisting %s", e.getKey(), e.getValue().size(),
                        c.getPressing().getItemId(), label.get(c.getPressing().getItemId()).main().describe(),
                        c.getResisting().getItemId(), label.get(c.getResisting().getItemId()).main().describe(),
                        EvidenceText.position(c.getPressing().getPosition()),
                        EvidenceText.position(c.getResisting().getPosition())));
            }
        }
        for (var e : tally.missed().entrySet()) {
            String p = e.getValue().get(0);
            String r = e.getValue().get(1);
            errors.add(String.format("MISSED PAIR %s, e.g. %s (labelled %s) x %s (labelled %s)%n  %s:%n%s%n  %s:%n%s",
                    e.getKey(), p, label.get(p).main().describe(), r, label.get(r).main().describe(),
                    p, EvidenceText.positions(enriched.get(p)), r, EvidenceText.positions(enriched.get(r))));
        }
        return new PairCount(tally.required(), tally.found(), tally.wrong(), tally.neither());
    }


    private EnrichedNewsItem enriched(CorpusItem item) {
        List<PolicyPosition> positions = enricher.positionsOf(item.headline(), item.text());
        return EnrichedNewsItem.newBuilder()
                .setItemId(item.id())
                .setStoryId(item.id())
                .setSource(item.source().isEmpty() ? "evaluation" : item.source())
                .setHeadline(item.headline())
                .setText(Enricher.analysedText(item.headline(), item.text()))
                .setPublishedAt(PUBLISHED)
                .setPositions(positions)
                .setRuleVersion(rules.version())
                .build();
    }

    /** The side a position stands for in the labels' terms, or null for a neutral one. */
    static String sideOf(PolicyPosition position) {
        if (position.getBranch() == GovernmentBranch.JUDICIAL) {
            return "JUDICIAL";
        }
        return switch (position.getStance()) {
            case PRESS -> "PRESS";
            case RESIST -> "RESIST";
            case ALIGN -> "ALIGNED";
            case NEUTRAL -> null;
        };
    }

    /** The sides the positions take, in order of position; NEUTRAL alone when they take none. */
    static Set<String> predictedSides(List<PolicyPosition> positions) {
        Set<String> sides = new LinkedHashSet<>();
        positions.forEach(p -> {
            String s = sideOf(p);
            if (s != null) {
                sides.add(s);
            }
        });
        return sides.isEmpty() ? Set.of("NEUTRAL") : sides;
    }

    static boolean placeMatches(Label label, Jurisdiction j) {
        if (label.side().equals("PRESS")) {
            if (label.nationwide()) {
                return j.getKind() == JurisdictionKind.NATIONWIDE;
            }
            return label.scope().stream().anyMatch(s -> s.length() == 2 && s.equals(s.toUpperCase())
                    ? inState(j, s) && j.getKind() == JurisdictionKind.STATE
                    : j.getName() != null && PlaceNames.samePlace(s, j.getName()));
        }
        // [null, "MULTI"]: a multistate coalition reported without a lead state; any state, or none resolved
        if ("MULTI".equals(label.jurState())) {
            return j.getKind() == JurisdictionKind.STATE || j.getKind() == JurisdictionKind.UNKNOWN;
        }
        if (!inState(j, label.jurState())) {
            return false;
        }
        return label.jurPlace() == null ? j.getKind() == JurisdictionKind.STATE
                : j.getKind() != JurisdictionKind.STATE && PlaceNames.samePlace(label.jurPlace(), j.getName());
    }

    private static boolean inState(Jurisdiction j, String state) {
        String us = "US-" + state;
        return j.getCode().equals(us) || j.getCode().equals(state) || j.getCode().startsWith(us + "-")
                || state.equals(j.getState()) || us.equals(j.getState());
    }

    private static Ratio sum(Ratio a, Ratio b) {
        return new Ratio(a.hits() + b.hits(), a.total() + b.total());
    }
}
