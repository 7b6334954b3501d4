package org.policyradar.streams.evaluate;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The story-cluster pairs of one part of a corpus as one domain's labels see them: which pairs the labels
 * require, and what the predicted [press, resist] item pairs make of them. A predicted cluster pair is found
 * when it is required, wrong when any of its item pairs is wrong ({@link PairJudge}), else neither way.
 */
final class ClusterPairTally {

    private final PairJudge judge;
    private final Map<String, LabelledItem> labels;
    /** Required cluster pair → one required item pair [press, resist] of it. */
    private final Map<String, List<String>> required = new TreeMap<>();
    /** Predicted cluster pair → whether any of its item pairs is wrong. */
    private final Map<String, Boolean> predicted = new TreeMap<>();

    /** The required pairs among {@code ids}, the labelled items of the part. */
    ClusterPairTally(LabelFile file, Collection<String> ids) {
        this.judge = new PairJudge(file);
        this.labels = file.items();
        for (String p : ids) {
            for (String r : ids) {
                if (!p.equals(r) && judge.required(labels.get(p), labels.get(r))) {
                    required.computeIfAbsent(key(p, r), k -> List.of(p, r));
                }
            }
        }
    }

    /** Records a predicted item pair and returns its cluster pair. */
    String add(String press, String resist) {
        String key = key(press, resist);
        predicted.merge(key, judge.judge(press, resist) == PairJudge.Verdict.WRONG, Boolean::logicalOr);
        return key;
    }

    boolean isWrong(String press, String resist) {
        return judge.judge(press, resist) == PairJudge.Verdict.WRONG;
    }

    /** The cluster pair of two items: {@code <press cluster>x<resist cluster>}. */
    String key(String press, String resist) {
        return labels.get(press).cluster() + "x" + labels.get(resist).cluster();
    }

    boolean isRequired(String clusterPair) {
        return required.containsKey(clusterPair);
    }

    /** A predicted cluster pair that is not required and has a wrong item pair. */
    boolean isWrong(String clusterPair) {
        return !isRequired(clusterPair) && predicted.getOrDefault(clusterPair, false);
    }

    /** The required cluster pairs no predicted item pair gave, each with one required item pair of it. */
    Map<String, List<String>> missed() {
        Map<String, List<String>> missed = new TreeMap<>(required);
        missed.keySet().removeAll(predicted.keySet());
        return missed;
    }

    Set<String> predicted() {
        return predicted.keySet();
    }

    int required() {
        return required.size();
    }

    int found() {
        return (int) predicted.keySet().stream().filter(this::isRequired).count();
    }

    int wrong() {
        return (int) predicted.keySet().stream().filter(this::isWrong).count();
    }

    int neither() {
        return predicted.size() - found() - wrong();
    }
}
