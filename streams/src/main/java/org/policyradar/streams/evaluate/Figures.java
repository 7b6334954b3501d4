package org.policyradar.streams.evaluate;

import java.util.Locale;
import java.util.Map;

/**
 * The figures of one evaluation: item-level accuracy of the side (the first side the rules give, NEUTRAL when
 * none), of the topic and of the place (over items whose labelled side the rules found), per-side precision
 * (items given a side that their labels, main or {@code also}, have) and recall (items labelled with a side
 * that are given it), and story-cluster pairs.
 */
public record Figures(String split, int items, int clusters, Ratio side, Ratio topic, Ratio place,
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

    /** The one-line summary: {@code split=... items=... pairF1=...}. */
    public String summaryLine() {
        StringBuilder sides = new StringBuilder();
        sidePrecision.forEach((side, ratio) -> sides.append(String.format(Locale.ROOT, " %s-precision=%.3f",
                side.toLowerCase(Locale.ROOT), ratio.value())));
        return String.format(Locale.ROOT, "summary split=%s items=%d clusters=%d side=%.3f topic=%.3f place=%.3f%s"
                        + " pairs-required=%d found=%d wrong=%d neither=%d pair-precision=%.3f pair-recall=%.3f"
                        + " pair-F1=%.3f",
                split.toLowerCase(Locale.ROOT), items, clusters, side.value(), topic.value(), place.value(), sides,
                requiredPairs, foundRequired, wrongPairs, neitherPairs, pairPrecision(), pairRecall(), pairF1());
    }
}
