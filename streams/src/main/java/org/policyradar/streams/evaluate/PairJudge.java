package org.policyradar.streams.evaluate;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the labels say about a [press, resist] pair of items (docs/quality.md, "pairs"): required when the
 * main labels are PRESS and RESIST of different clusters on the same topic and the PRESS scope covers the RESIST
 * place (or when the file lists the pair explicitly); neither way when either item is optional-only, when the
 * items are of one cluster, when a PRESS item meets a RESIST or JUDICIAL item otherwise (other topic, place not
 * covered, or only through {@code also} positions); wrong in every other case.
 */
final class PairJudge {

    enum Verdict { REQUIRED, NEITHER, WRONG }

    private final Map<String, LabelledItem> labels;
    private final Set<List<String>> explicitRequired;

    PairJudge(LabelFile file) {
        this.labels = file.items();
        this.explicitRequired = file.requiredPairs();
    }

    Verdict judge(String pressId, String resistId) {
        LabelledItem press = labels.get(pressId);
        LabelledItem resist = labels.get(resistId);
        if (required(press, resist)) {
            return Verdict.REQUIRED;
        }
        if (press.optionalOnly() || resist.optionalOnly() || press.cluster().equals(resist.cluster())) {
            return Verdict.NEITHER;
        }
        boolean pressing = press.sides().contains("PRESS");
        boolean resisting = resist.sides().contains("RESIST") || resist.sides().contains("JUDICIAL");
        return pressing && resisting ? Verdict.NEITHER : Verdict.WRONG;
    }

    boolean required(LabelledItem press, LabelledItem resist) {
        if (explicitRequired != null) {
            return explicitRequired.contains(List.of(press.id(), resist.id()));
        }
        return !press.optionalOnly() && !resist.optionalOnly() && !press.cluster().equals(resist.cluster())
                && press.main().side().equals("PRESS") && resist.main().side().equals("RESIST")
                && press.main().topic() != null && press.main().topic().equals(resist.main().topic())
                && press.main().covers(resist.main());
    }
}
