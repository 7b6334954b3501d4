package org.policyradar.streams.evaluate;

import java.util.ArrayList;
import java.util.List;

/**
 * The labels of one item: its main position, the further positions it reports ({@code also}), the story cluster
 * it belongs to, whether it is ambiguous ({@code optional_only}: its pairs count neither way), and for plain
 * text corpora the line it is on.
 */
public record LabelledItem(String id, int line, String cluster, Label main, List<Label> also, boolean optionalOnly) {

    /** The sides of the main label and of the {@code also} labels. */
    List<String> sides() {
        List<String> sides = new ArrayList<>();
        sides.add(main.side());
        also.forEach(l -> sides.add(l.side()));
        return sides;
    }
}
