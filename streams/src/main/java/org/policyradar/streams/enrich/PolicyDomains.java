package org.policyradar.streams.enrich;

import java.util.EnumSet;
import java.util.Set;
import org.policyradar.avro.PolicyTopic;

/**
 * Which policy domain a topic belongs to. The six topics of the first release are the immigration pack's; every
 * later {@link PolicyTopic} symbol is the single topic of one domain pack and carries the domain's name, so the
 * domain of a position, a conflict or an alert follows from its topic without a field of its own.
 */
public final class PolicyDomains {

    /** The domain of the immigration rules (cues.json, actors.json, places.json). */
    public static final String IMMIGRATION = "IMMIGRATION";

    private static final Set<PolicyTopic> IMMIGRATION_TOPICS = EnumSet.of(PolicyTopic.COOPERATION,
            PolicyTopic.SENSITIVE_LOCATIONS, PolicyTopic.MILITARY_DEPLOYMENT, PolicyTopic.BIRTHRIGHT_CITIZENSHIP,
            PolicyTopic.BORDER, PolicyTopic.OTHER);

    private PolicyDomains() {
    }

    /** The domain of a topic: IMMIGRATION for the immigration topics, else the topic's own name. */
    public static String of(PolicyTopic topic) {
        return IMMIGRATION_TOPICS.contains(topic) ? IMMIGRATION : topic.name();
    }

    /** The domain a label's topic names: {@code OTHER:EDUCATION} and {@code EDUCATION} both give EDUCATION. */
    public static String ofLabel(String topic) {
        String name = topic.startsWith("OTHER:") ? topic.substring("OTHER:".length()) : topic;
        try {
            return of(PolicyTopic.valueOf(name));
        } catch (IllegalArgumentException e) {
            return name;
        }
    }
}
