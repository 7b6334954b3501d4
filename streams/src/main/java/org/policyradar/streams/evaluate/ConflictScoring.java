package org.policyradar.streams.evaluate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Scores the conflicts a pipeline run wrote against the labels, as {@link Evaluation} scores the rules' pairs:
 * at the level of story clusters, per policy domain, for one part of the split. Where the evaluation pairs every
 * item with every other, this takes the pipeline's own answer, with its story grouping, periods and arrival
 * order: each conflict stands for every [press, resist] pair of the reports it names. Conflicts of a domain the
 * labels do not cover count against nothing; items without a label are left out.
 */
public final class ConflictScoring {

    /** One conflict as a run printed it: its domain and the ids of the reports of either story. */
    public record ScoredConflict(String domain, List<String> pressingItems, List<String> resistingItems) {
        public ScoredConflict {
            Objects.requireNonNull(domain, "domain");
            pressingItems = List.copyOf(pressingItems);
            resistingItems = List.copyOf(resistingItems);
        }
    }

    /** The pair figures of one part, summed over the domains ({@code domain} null) or of one domain. */
    public record PairFigures(String split, String domain, int conflicts, int required, int found, int wrong,
                              int neither) {

        public double precision() {
            return found + wrong == 0 ? 1.0 : (double) found / (found + wrong);
        }

        public double recall() {
            return required == 0 ? 1.0 : (double) found / required;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
        }

        /** {@code pipeline split=... conflicts=... pairs-required=... pair-F1=...}, with the domain for one. */
        public String summaryLine() {
            return String.format(Locale.ROOT, "pipeline split=%s%s conflicts=%d pairs-required=%d found=%d wrong=%d"
                            + " neither=%d pair-precision=%.3f pair-recall=%.3f pair-F1=%.3f",
                    split.toLowerCase(Locale.ROOT), domain == null ? "" : " domain=" + domain, conflicts, required,
                    found, wrong, neither, precision(), recall(), f1());
        }
    }

    private ConflictScoring() {
    }

    /**
     * The figures of the part: first the sum over the domains the labels cover, then one per domain when they
     * cover several.
     */
    public static List<PairFigures> score(List<CorpusItem> corpus, LabelFile labels, HoldoutSplit split,
                                          List<ScoredConflict> conflicts) {
        Set<String> inPart = corpus.stream().filter(split::contains).map(CorpusItem::id)
                .filter(labels.items()::containsKey).collect(Collectors.toCollection(LinkedHashSet::new));
        DomainLabels domains = new DomainLabels(labels);
        List<PairFigures> perDomain = new ArrayList<>();
        for (String domain : domains.covered()) {
            ClusterPairTally tally = new ClusterPairTally(domains.view(domain), inPart);
            int count = 0;
            for (ScoredConflict conflict : conflicts) {
                if (!conflict.domain().equals(domain)) {
                    continue;
                }
                boolean counted = false;
                for (String press : conflict.pressingItems()) {
                    for (String resist : conflict.resistingItems()) {
                        if (inPart.contains(press) && inPart.contains(resist)) {
                            tally.add(press, resist);
                            counted = true;
                        }
                    }
                }
                count += counted ? 1 : 0;
            }
            perDomain.add(new PairFigures(split.name(), domain, count, tally.required(), tally.found(),
                    tally.wrong(), tally.neither()));
        }
        List<PairFigures> result = new ArrayList<>();
        result.add(new PairFigures(split.name(), null,
                perDomain.stream().mapToInt(PairFigures::conflicts).sum(),
                perDomain.stream().mapToInt(PairFigures::required).sum(),
                perDomain.stream().mapToInt(PairFigures::found).sum(),
                perDomain.stream().mapToInt(PairFigures::wrong).sum(),
                perDomain.stream().mapToInt(PairFigures::neither).sum()));
        if (perDomain.size() > 1) {
            result.addAll(perDomain);
        }
        return result;
    }
}
