package org.policyradar.app.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.policyradar.avro.ConflictAlert;
import org.policyradar.avro.ConflictParty;
import org.policyradar.avro.Evidence;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.avro.PolicyPosition;
import org.policyradar.avro.PolicyTopic;

/** Renders a conflict for people (a short block of text) or for programs (one JSON object on one line). */
public final class ConflictFormat {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConflictFormat() {
    }

    /** One line of JSON: conflictId, topic, score, explanation, and the pressing and resisting sides. */
    public static String json(ConflictAlert alert) {
        return json(alert.getConflictId(), alert.getTopic(), alert.getScore(), alert.getExplanation(),
                alert.getPressing(), alert.getResisting());
    }

    /** The same shape for one pair of articles of a conflict (a conflict joins two stories of many articles). */
    public static String json(PolicyConflict conflict, ConflictParty pressing, ConflictParty resisting) {
        return json(conflict.getConflictId(), conflict.getTopic(), conflict.getScore(), conflict.getExplanation(),
                pressing, resisting);
    }

    /** A few lines a person can read at a glance, for one pair of articles of a conflict. */
    public static String text(PolicyConflict conflict, ConflictParty pressing, ConflictParty resisting) {
        return "CONFLICT " + conflict.getConflictId() + "  " + conflict.getTopic() + "  score "
                + String.format(Locale.ROOT, "%.2f", conflict.getScore()) + "\n"
                + "  pressing : " + describe(pressing) + "\n"
                + "  resisting: " + describe(resisting) + "\n"
                + "  why      : " + conflict.getExplanation() + "\n";
    }

    /**
     * The latest state of a conflict as a JSON object: the fields of {@link #json(ConflictAlert)} for its
     * representative pair of articles, plus ruleVersion, firstSeen, lastSeen, evidenceCount and articleIds.
     */
    public static ObjectNode jsonNode(PolicyConflict conflict) {
        ObjectNode node = node(conflict.getConflictId(), conflict.getTopic(), conflict.getScore(),
                conflict.getExplanation(), conflict.getPressing(), conflict.getResisting());
        node.put("ruleVersion", conflict.getRuleVersion());
        node.put("firstSeen", conflict.getFirstSeen().toString());
        node.put("lastSeen", conflict.getLastSeen().toString());
        node.put("evidenceCount", conflict.getEvidenceCount());
        ArrayNode articles = node.putArray("articleIds");
        conflict.getArticleIds().forEach(articles::add);
        return node;
    }

    private static String json(String conflictId, PolicyTopic topic, double score, String explanation,
                               ConflictParty pressing, ConflictParty resisting) {
        return node(conflictId, topic, score, explanation, pressing, resisting).toString();
    }

    private static ObjectNode node(String conflictId, PolicyTopic topic, double score, String explanation,
                                   ConflictParty pressing, ConflictParty resisting) {
        ObjectNode node = JSON.createObjectNode();
        node.put("conflictId", conflictId);
        node.put("topic", topic.name());
        node.put("score", score);
        node.put("explanation", explanation);
        node.set("pressing", side(pressing));
        node.set("resisting", side(resisting));
        return node;
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
