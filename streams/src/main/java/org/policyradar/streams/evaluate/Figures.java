package org.policyradar.streams.evaluate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one evaluation: item-level accuracy of the side (the first side the rules give, NEUTRAL when
 * none), of the topic and of the place (over items whose labelled side the rules found), per-side precision
 * (items given a side that their labels, main or {@code also}, have) and recall (items labelled with a side
 * that are given it), and story-cluster pairs; of one policy domain, or (domain null) summed over several.
 */
public record Figures(String split, String domain, int items, int clusters, Ratio side, Ratio topic, Ratio place,
                      Map<String, Ratio> sidePrecision, Map<String, Ratio> sideRecall,
                      int requiredPairs, int foundRequired, int wrongPairs, int neitherPairs) {

    public double pairPrecision() {
        return foundRequired + wrongPairs == 0 ? 1.0 : foundRequired / (double) (foundRequired + wrongPairs);
    }

    public double pairRecall() {
        return requiredPairs == 0 ? 1.0 : foundRequired / (double) requiredPairs;
    }

    public double pairF1() {
        double p = pairPrecision();
        double r = pairRecall();
        return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
    }

    /** The sum of the figures of several domains (domain null); the figures themselves when there is one. */
    static Figures sum(String split, List<Figures> parts) {
        if (parts.size() == 1) {
            Figures only = parts.get(0);
            return new Figures(split, null, only.items, only.clusters, only.side, only.topic, only.place,
                    only.sidePrecision, only.sideRecall, only.requiredPairs, only.foundRequired, only.wrongPairs,
                    only.neitherPairs);
        }
        int items = 0;
        int clusters = 0;
        Ratio side = new Ratio(0, 0);
        Ratio topic = new Ratio(0, 0);
        Ratio place = new Ratio(0, 0);
        Map<String, Ratio> precision = new LinkedHashMap<>();
        Map<String, Ratio> recall = new LinkedHashMap<>();
        int required = 0;
        int found = 0;
        int wrong = 0;
        int neither = 0;
        for (Figures f : parts) {
            items += f.items;
            clusters += f.clusters;
            side = side.add(f.side);
            topic = topic.add(f.topic);
            place = place.add(f.place);
            f.sidePrecision.forEach((k, v) -> precision.merge(k, v, Ratio::add));
            f.sideRecall.forEach((k, v) -> recall.merge(k, v, Ratio::add));
            required += f.requiredPairs;
            found += f.foundRequired;
            wrong += f.wrongPairs;
            neither += f.neitherPairs;
        }
        return new Figures(split, null, items, clusters, side, topic, place, precision, recall, required, found,
                wrong, neither);
    }

    /** The one-line summary: {@code split=... items=... pairF1=...}, with {@code domain=...} for one domain's. */
    public String summaryLine() {
        StringBuilder sides = new StringBuilder();
        sidePrecision.forEach((side, ratio) -> sides.append(String.format(Locale.ROOT, " %s-precision=%.3f",
                side.toLowerCase(Locale.ROOT), ratio.value())));
        return String.format(Locale.ROOT, "summary split=%s%s items=%d clusters=%d side=%.3f topic=%.3f place=%.3f%s"
                        + " pairs-required=%d found=%d wrong=%d neither=%d pair-precision=%.3f pair-recall=%.3f"
                        + " pair-F1=%.3f",
                split.toLowerCase(Locale.ROOT), domain == null ? "" : " domain=" + domain, items, clusters, side.value(), topic.value(), place.value(), sides,
                requiredPairs, foundRequired, wrongPairs, neitherPairs, pairPrecision(), pairRecall(), pairF1());
    }
}
