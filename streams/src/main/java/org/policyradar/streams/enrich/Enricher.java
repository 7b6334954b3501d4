package org.policyradar.streams.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.policyradar.avro.PolicyPosition;
import org.policyradar.streams.enrich.analysis.ItemAnalysis;

/**
 * Finds the policy positions a news item reports: who acts (canonical actor, level, branch), where (the
 * jurisdiction), on which policy question, with which stance toward federal immigration enforcement and through
 * which instrument, each with the phrases that support it. A pure function of the text and the rule set:
 * the same input and rule version always give the same positions, in the same order. Thread-safe.
 *
 * <p>The immigration rules read every item; each further domain pack reads only the items its gate opens for
 * (one of its context phrases is in the text), and adds its positions after the immigration ones.
 */
public final class Enricher {

    private final RuleSet rules;
    private final Segmenter segmenter;
    private final ActorResolver resolver;

    public Enricher(RuleSet rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.segmenter = new Segmenter(rules);
        this.resolver = new ActorResolver(rules);
        ItemAnalysis.requireModels();
    }

    /** The version of the rules this enricher applies. */
    public String ruleVersion() {
        return rules.version();
    }

    /**
     * The text the rules read: the headline and the text on separate lines, or the text alone when there is no
     * headline or the text already starts with it. Evidence offsets point into this string, so it is what an
     * enriched item should carry as its text.
     */
    public static String analysedText(String headline, String text) {
        String body = text == null ? "" : text;
        if (headline == null || headline.isBlank() || body.startsWith(headline.strip())) {
            return body;
        }
        return headline.strip() + "\n" + body;
    }

    /**
     * The positions of an item, strongest evidence first in text order.
     *
     * @param headline the headline, or null
     * @param text     the text
     * @return the positions; evidence offsets point into {@link #analysedText(String, String)}
     */
    public List<PolicyPosition> positionsOf(String headline, String text) {
        String analysed = analysedText(headline, text);
        if (analysed.isBlank()) {
            return List.of();
        }
        List<PolicyPosition> positions = rules.immigrationOn()
                ? new ItemAnalysis(rules, segmenter, resolver, analysed).positions() : List.of();
        if (rules.gate() == null) {
            return positions;
        }
        List<DomainPack> open = rules.gate().packsFor(analysed);
        if (open.isEmpty()) {
            return positions;
        }
        // the immigration positions first, as before; then each pack's, in pack order
        List<PolicyPosition> all = new ArrayList<>(positions);
        for (DomainPack pack : open) {
            all.addAll(pack.positionsOf(analysed));
        }
        return all;
    }
}
