package org.policyradar.streams.enrich;

import java.util.List;
import java.util.Locale;
import org.policyradar.avro.Evidence;
import org.policyradar.avro.EvidenceField;
import org.policyradar.avro.PolicyPosition;

/**
 * Renders positions with their evidence as plain text, for people checking why the rules decided what they
 * did (the {@code explain} command). One block per position; every decision is followed by the phrase that
 * supports it, its offsets and the rule that matched.
 */
public final class ExplainFormatter {

    /**
     * @param text        the text the rules read (see {@link Enricher#analysedText(String, String)})
     * @param positions   the positions found in it
     * @param ruleVersion the version of the rules that found them
     */
    public String format(String text, List<PolicyPosition> positions, String ruleVersion) {
        StringBuilder out = new StringBuilder();
        out.append("text: ").append(text).append('\n');
        out.append("rules: ").append(ruleVersion).append('\n');
        if (positions.isEmpty()) {
            out.append("no policy positions\n");
            return out.toString();
        }
        for (int i = 0; i < positions.size(); i++) {
            PolicyPosition p = positions.get(i);
            out.append('\n').append(String.format(Locale.ROOT, "position %d of %d (confidence %.2f)%n", i + 1,
                    positions.size(), p.getConfidence()));
            out.append(String.format(Locale.ROOT, "  %-13s %s%n", "pack:", PolicyDomains.of(p.getTopic())));
            line(out, "actor", p.getActorId() + " (" + p.getActorName() + ")", p, EvidenceField.ACTOR);
            line(out, "level", p.getLevel() + " / " + p.getBranch(), p, EvidenceField.LEVEL);
            line(out, "jurisdiction", p.getJurisdiction().getName() + " [" + p.getJurisdiction().getCode() + ", "
                    + p.getJurisdiction().getKind() + "]", p, EvidenceField.JURISDICTION);
            line(out, "topic", p.getTopic().name(), p, EvidenceField.TOPIC);
            line(out, "stance", p.getStance().name(), p, EvidenceField.STANCE);
            line(out, "instrument", p.getInstrument().name(), p, EvidenceField.INSTRUMENT);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String value, PolicyPosition position,
                             EvidenceField field) {
        out.append(String.format(Locale.ROOT, "  %-13s %s%n", label + ":", value));
        for (Evidence e : position.getEvidence()) {
            if (e.getField() == field) {
                out.append(String.format(Locale.ROOT, "  %-13s   \"%s\" at %d-%d%s%n", "", e.getPhrase(), e.getStart(),
                        e.getEnd(), e.getRule() == null ? "" : " (" + e.getRule() + ")"));
            }
        }
    }
}
