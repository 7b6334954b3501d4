package org.policyradar.streams.enrich;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.policyradar.avro.Evidence;
import org.policyradar.avro.PolicyPosition;
import org.policyradar.avro.PolicyTopic;
import org.policyradar.avro.Stance;
import org.policyradar.streams.enrich.analysis.ItemAnalysis;

/**
 * One policy-domain pack, compiled: its domain, topic and version, and the rule set it runs with (the shared core
 * plus its own actors and cues, see {@link PackComposer}). Immutable and thread-safe.
 */
public final class DomainPack {

    private final String domain;
    private final String version;
    private final PolicyTopic topic;
    private final Map<String, String> meaning;
    private final RuleSet rules;
    private final Segmenter segmenter;
    private final ActorResolver resolver;
    private final String rulePrefix;
    private final List<String> yieldsTo;
    private final List<String> counterpart;

    DomainPack(RuleFiles.PackFile pack, RuleSet rules) {
        this.domain = pack.domain();
        this.version = pack.version();
        this.topic = pack.topic();
        this.meaning = pack.meaning();
        this.rules = rules;
        this.segmenter = new Segmenter(rules);
        this.resolver = new ActorResolver(rules);
        this.rulePrefix = domain.toLowerCase(Locale.ROOT) + ":";
        this.yieldsTo = pack.yieldsTo();
        this.counterpart = pack.counterpart().stream().map(p -> TextFolding.fold(p.strip())).toList();
    }

    /** The domain id, e.g. EDUCATION. */
    public String domain() {
        return domain;
    }

    /** The version of the pack's own file. */
    public String version() {
        return version;
    }

    /** The topic every position of the pack has. */
    public PolicyTopic topic() {
        return topic;
    }

    /** The domains whose open gate keeps this pack from reading an item (a narrower domain inside this one). */
    List<String> yieldsTo() {
        return yieldsTo;
    }

    /** What PRESS, RESIST and ALIGN mean in the domain, as the pack states it. */
    public Map<String, String> meaning() {
        return meaning;
    }

    /** The positions the pack finds in an analysed text; every evidence rule is prefixed with the pack's domain. */
    List<PolicyPosition> positionsOf(String analysed) {
        List<PolicyPosition> found = new ItemAnalysis(rules, segmenter, resolver, analysed).positions();
        // a state or local side needs a federal side to answer: a district suing its state over a state law is none
        if (!counterpart.isEmpty() && found.stream().anyMatch(DomainPack::isStateSide)
                && !namesCounterpart(TextFolding.fold(analysed))) {
            found = found.stream().filter(p -> !isStateSide(p)).toList();
        }
        List<PolicyPosition> named = new ArrayList<>(found.size());
        for (PolicyPosition position : found) {
            List<Evidence> evidence = new ArrayList<>(position.getEvidence().size());
            for (Evidence e : position.getEvidence()) {
                evidence.add(Evidence.newBuilder(e).setRule(e.getRule() == null ? rulePrefix + "pack"
                        : rulePrefix + e.getRule()).build());
            }
            named.add(PolicyPosition.newBuilder(position).setEvidence(evidence).build());
        }
        return named;
    }

    private static boolean isStateSide(PolicyPosition position) {
        return position.getStance() == Stance.RESIST || position.getStance() == Stance.ALIGN;
    }

    /** Whether the folded text has one of the counterpart phrases as whole words. */
    private boolean namesCounterpart(String folded) {
        for (String phrase : counterpart) {
            for (int at = folded.indexOf(phrase); at >= 0; at = folded.indexOf(phrase, at + 1)) {
                int end = at + phrase.length();
                if ((at == 0 || !TextFolding.isWordChar(folded.charAt(at - 1)))
                        && (end == folded.length() || !TextFolding.isWordChar(folded.charAt(end)))) {
                    return true;
                }
            }
        }
        return false;
    }
}
