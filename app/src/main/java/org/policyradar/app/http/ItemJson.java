package org.policyradar.app.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.policyradar.avro.EnrichedNewsItem;
import org.policyradar.avro.Evidence;
import org.policyradar.avro.Jurisdiction;
import org.policyradar.avro.PolicyPosition;

/**
 * The JSON of an enriched item for {@code GET /api/items/{id}}: the item, its text, and every position with the
 * evidence behind it; evidence offsets ({@code start}, {@code end}) point into {@code text}.
 */
final class ItemJson {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ItemJson() {
    }

    static ObjectNode of(EnrichedNewsItem item) {
        ObjectNode node = NODES.objectNode();
        node.put("itemId", item.getItemId());
        node.put("storyId", item.getStoryId());
        node.put("source", item.getSource());
        node.put("url", item.getUrl());
        node.put("headline", item.getHeadline());
        node.put("text", item.getText());
        node.put("publishedAt", item.getPublishedAt().toString());
        node.put("ruleVersion", item.getRuleVersion());
        ArrayNode positions = node.putArray("positions");
        item.getPositions().forEach(position -> positions.add(position(position)));
        return node;
    }

    private static ObjectNode position(PolicyPosition position) {
        ObjectNode node = NODES.objectNode();
        node.put("actor", position.getActorId());
        node.put("actorName", position.getActorName());
        node.put("level", position.getLevel().name());
        node.put("branch", position.getBranch().name());
        node.set("jurisdiction", jurisdiction(position.getJurisdiction()));
        node.put("topic", position.getTopic().name());
        node.put("stance", position.getStance().name());
        node.put("instrument", position.getInstrument().name());
        node.put("confidence", position.getConfidence());
        ArrayNode evidence = node.putArray("evidence");
        position.getEvidence().forEach(e -> evidence.add(evidence(e)));
        return node;
    }

    private static ObjectNode jurisdiction(Jurisdiction place) {
        ObjectNode node = NODES.objectNode();
        node.put("code", place.getCode());
        node.put("kind", place.getKind().name());
        node.put("name", place.getName());
        node.put("state", place.getState());
        return node;
    }

    private static ObjectNode evidence(Evidence e) {
        ObjectNode node = NODES.objectNode();
        node.put("field", e.getField().name());
        node.put("phrase", e.getPhrase());
        node.put("start", e.getStart());
        node.put("end", e.getEnd());
        node.put("rule", e.getRule());
        return node;
    }
}
