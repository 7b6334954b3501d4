package org.policyradar.streams.evaluate;

import java.util.stream.Collectors;
import org.policyradar.avro.EnrichedNewsItem;
import org.policyradar.avro.Evidence;
import org.policyradar.avro.EvidenceField;
import org.policyradar.avro.PolicyPosition;

/** Positions as one line each with the phrases and rules that decided their actor and stance. */
final class EvidenceText {

    private EvidenceText() {
    }

    static String positions(EnrichedNewsItem item) {
        if (item.getPositions().isEmpty()) {
            return "    (no position)";
        }
        return item.getPositions().stream().map(p -> "    " + position(p)).collect(Collectors.joining("\n"));
    }

    static String position(PolicyPosition p) {
        return String.format("%s %s/%s %s %s %s; actor %s; stance %s", p.getStance(), p.getActorId(), p.getLevel(),
                p.getTopic(), p.getJurisdiction().getCode(), p.getInstrument(), field(p, EvidenceField.ACTOR),
                field(p, EvidenceField.STANCE));
    }

    private static String field(PolicyPosition p, EvidenceField field) {
        return p.getEvidence().stream().filter(e -> e.getField() == field).findFirst()
                .map(e -> "'" + e.getPhrase() + "' [" + e.getRule() + "]").orElse("-");
    }
}
