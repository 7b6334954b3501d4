package org.policyradar.app.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.policyradar.avro.ConflictAlert;
import org.policyradar.avro.ConflictParty;
import org.policyradar.avro.Evidence;
import org.policyradar.avro.PolicyPosition;

/** Renders a conflict for people (a short block of text) or for programs (one JSON object on one line). */
public final class ConflictFormat {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConflictFormat() {
    }

    /** One line of JSON: conflictId, topic, score, explanation, and the pressing and resisting sides. */
    public static String json(ConflictAlert alert) {
        ObjectNode node = JSON.createObjectNode();
        node.put("conflictId", alert.getConflictId());
        node.put("topic", alert.getTopic().name());
        node.put("score", alert.getScore());
        node.put("explanation", alert.getExplanation());
        node.set("pressing", side(alert.getPressing()));
        node.set("resisting", side(alert.getResisting()));
        return node.toString();
    }

    /** A few lines a person can read at a glance. */
    public static String text(ConflictAlert alert) {
        return "CONFLICT " + alert.getConflictId() + "  " + alert.getTopic() + "  score "
                + String.format(java.util.Locale.ROOT, "%.2f", alert.getScore()) + "\n"
                + "  pressing : " + describe(alert.getPressing()) + "\n"
                + "  resisting: " + describe(alert.getResisting()) + "\n"
                + "  why      : " + alert.getExplanation() + "\n";
    }

    private static String describe(ConflictParty party) {
        PolicyPosition position = party.getPosition();
        return position.getActorName() + " (" + position.getActorId() + ", " + position.getLevel() + ", "
                + position.getJurisdiction().getName() + ", " + position.getStance() + ", "
                + position.getInstrument() + ")\n              \"" + headlineOf(party) + "\"";
    }

    private static ObjectNode side(ConflictParty party) {
        PolicyPosition position = party.getPosition();
        ObjectNode node = JSON.createObjectNode();
        node.put("itemId", party.getItemId());
        node.put("storyId", party.getStoryId());
        node.put("headline", headlineOf(party));
        node.put("actor", position.getActorId());
        node.put("actorName", position.getActorName());
        node.put("level", position.getLevel().name());
        node.put("jurisdiction", position.getJurisdiction().getName());
        node.put("jurisdictionCode", position.getJurisdiction().getCode());
        node.put("stance", position.getStance().name());
        node.put("instrument", position.getInstrument().name());
        node.put("publishedAt", party.getPublishedAt().toString());
        ArrayNode evidence = node.putArray("evidence");
        for (Evidence e : position.getEvidence()) {
            ObjectNode item = evidence.addObject();
            item.put("field", e.getField().name());
            item.put("phrase", e.getPhrase());
            item.put("start", e.getStart());
            item.put("end", e.getEnd());
        }
        return node;
    }

    /** Items read from plain text have no headline: their text stands in for it. */
    private static String headlineOf(ConflictParty party) {
        return party.getHeadline() != null && !party.getHeadline().isBlank() ? party.getHeadline() : party.getText();
    }
}
