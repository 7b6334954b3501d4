package org.policyradar.streams.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.policyradar.avro.PolicyTopic;

/**
 * One labelled position: its side (PRESS, RESIST, ALIGNED, JUDICIAL, NEUTRAL), topic (null for NEUTRAL), and
 * where it applies — for PRESS a scope (nationwide, or the places it targets: names of cities or counties and
 * two-letter state codes, a state code covering all of the state), for the others a jurisdiction (a city or
 * county, or null for the state itself, and a state).
 */
public record Label(String side, String topic, boolean nationwide, List<String> scope, String jurPlace,
                    String jurState) {

    /** Reads a label in the format of the labels files ({@code side}, {@code topic}, {@code scope}, {@code jur}). */
    static Label of(JsonNode node) {
        String side = node.path("side").asText("NEUTRAL").toUpperCase(Locale.ROOT);
        JsonNode topicNode = node.get("topic");
        String topic = topicNode == null || topicNode.isNull() ? null
                : topicNode.isArray() ? topicNode.path(0).asText() : topicNode.asText();
        // "OTHER:EDUCATION": the labels of the other-domain sets name a domain's topic under OTHER
        if (topic != null && topic.startsWith("OTHER:") && knownTopic(topic.substring("OTHER:".length()))) {
            topic = topic.substring("OTHER:".length());
        }
        JsonNode scopeNode = node.get("scope");
        boolean nationwide = false;
        List<String> scope = new ArrayList<>();
        if (scopeNode != null && scopeNode.isTextual()) {
            nationwide = scopeNode.asText().equalsIgnoreCase("NATIONWIDE");
        } else if (scopeNode != null && scopeNode.isArray()) {
            // an entry is a name or code, or a [place or null, state] pair as a jurisdiction is written
            scopeNode.forEach(s -> scope.add(s.isArray()
                    ? (s.path(0).isNull() ? s.path(1).asText() : s.path(0).asText()) : s.asText()));
            nationwide = scope.stream().anyMatch(s -> s.equalsIgnoreCase("NATIONWIDE"));
        }
        JsonNode jur = node.get("jur");
        String place = null;
        String state = null;
        if (jur != null && jur.isArray() && jur.size() == 2) {
            place = jur.get(0).isNull() ? null : jur.get(0).asText();
            state = jur.get(1).isNull() ? null : jur.get(1).asText().toUpperCase(Locale.ROOT);
        }
        return new Label(side, topic, nationwide, List.copyOf(scope), place, state);
    }

    private static boolean knownTopic(String name) {
        try {
            PolicyTopic.valueOf(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The same label as NEUTRAL: how an item labelled in another domain stands in this one. */
    Label neutral() {
        return new Label("NEUTRAL", null, false, List.of(), null, null);
    }

    /** True when this PRESS label's scope covers the jurisdiction of the other label. */
    boolean covers(Label other) {
        if (nationwide) {
            return true;
        }
        for (String target : scope) {
            if (target.length() == 2 && target.equals(target.toUpperCase(Locale.ROOT))) {
                if (target.equals(other.jurState)) {
                    return true;
                }
            } else if (other.jurPlace != null && PlaceNames.samePlace(target, other.jurPlace)) {
                return true;
            }
        }
        return false;
    }

    /** A short human-readable form: {@code PRESS COOPERATION [Chicago, IL]}. */
    String describe() {
        String where = side.equals("PRESS") ? (nationwide ? "NATIONWIDE" : String.join(", ", scope))
                : jurState == null ? "" : (jurPlace == null ? "" : jurPlace + ", ") + jurState;
        return side + (topic == null ? "" : " " + topic) + (where.isEmpty() ? "" : " [" + where + "]");
    }
}
