package org.policyradar.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The positions per actor for {@code GET /api/actors}, folded from the conflicts (in the JSON shape of
 * {@code ConflictFormat}): who the actor is, where it acts, on which topics and with which stance, how many
 * conflicts it is part of, and with whom.
 */
final class ActorSummaries {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The order of {@link #of}, on the JSON it gives: pressing actors first, more conflicts first, then by id. */
    static final Comparator<JsonNode> ORDER = Comparator.comparing((JsonNode a) -> !a.path("side").asText()
                    .equals("PRESSING"))
            .thenComparing(a -> -a.path("conflicts").asInt())
            .thenComparing(a -> a.path("actor").asText());
    /** The fields {@link #ORDER} compares, which a page's cursor keeps. */
    static final List<String> KEY = List.of("side", "conflicts", "actor");

    private ActorSummaries() {
    }

    /** One entry per actor: pressing (federal) actors first, then by number of conflicts, then by id. */
    static ArrayNode of(List<JsonNode> conflicts) {
        Map<String, Actor> actors = new TreeMap<>();
        for (JsonNode conflict : conflicts) {
            JsonNode pressing = conflict.path("pressing");
            JsonNode resisting = conflict.path("resisting");
            String topic = conflict.path("topic").asText();
            actors.computeIfAbsent(pressing.path("actor").asText(), id -> new Actor(pressing, "PRESSING"))
                    .add(pressing, resisting, topic);
            actors.computeIfAbsent(resisting.path("actor").asText(), id -> new Actor(resisting, "RESISTING"))
                    .add(resisting, pressing, topic);
        }
        List<Actor> ordered = new ArrayList<>(actors.values());
        ordered.sort(Comparator.comparing((Actor a) -> !a.side.equals("PRESSING"))
                .thenComparing(a -> -a.conflicts)
                .thenComparing(a -> a.id));
        ArrayNode result = NODES.arrayNode();
        ordered.forEach(actor -> result.add(actor.toJson()));
        return result;
    }

    private static final class Actor {
        private final String id;
        private final String name;
        private final String level;
        private final String side;
        private final Map<String, Integer> jurisdictions = new LinkedHashMap<>();
        private final Map<String, String> jurisdictionNames = new LinkedHashMap<>();
        private final TreeSet<String> topics = new TreeSet<>();
        private final TreeSet<String> stances = new TreeSet<>();
        private final TreeSet<String> instruments = new TreeSet<>();
        private final Map<String, Integer> counterparts = new TreeMap<>();
        private final Map<String, String> counterpartNames = new TreeMap<>();
        private int conflicts;

        Actor(JsonNode side, String role) {
            this.id = side.path("actor").asText();
            this.name = side.path("actorName").asText();
            this.level = side.path("level").asText();
            this.side = role;
        }

        void add(JsonNode self, JsonNode other, String topic) {
            conflicts++;
            String code = self.path("jurisdictionCode").asText();
            jurisdictions.merge(code, 1, Integer::sum);
            jurisdictionNames.putIfAbsent(code, self.path("jurisdiction").asText());
            topics.add(topic);
            stances.add(self.path("stance").asText());
            instruments.add(self.path("instrument").asText());
            String otherId = other.path("actor").asText();
            counterparts.merge(otherId, 1, Integer::sum);
            counterpartNames.putIfAbsent(otherId, other.path("actorName").asText());
        }

        /** The place the actor acts in most often (ties: the first seen). */
        private String mainJurisdiction() {
            return jurisdictions.entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue())
                    .map(Map.Entry::getKey)
                    .orElse("");
        }

        ObjectNode toJson() {
            ObjectNode node = NODES.objectNode();
            node.put("actor", id);
            node.put("actorName", name);
            node.put("level", level);
            node.put("side", side);
            String main = mainJurisdiction();
            node.put("jurisdiction", jurisdictionNames.get(main));
            node.put("jurisdictionCode", main);
            ArrayNode places = node.putArray("jurisdictions");
            jurisdictions.forEach((code, count) -> places.addObject()
                    .put("code", code).put("name", jurisdictionNames.get(code)).put("conflicts", count));
            ArrayNode topicList = node.putArray("topics");
            topics.forEach(topicList::add);
            ArrayNode stanceList = node.putArray("stances");
            stances.forEach(stanceList::add);
            ArrayNode instrumentList = node.putArray("instruments");
            instruments.forEach(instrumentList::add);
            node.put("conflicts", conflicts);
            ArrayNode others = node.putArray("counterparts");
            counterparts.forEach((other, count) -> others.addObject()
                    .put("actor", other).put("actorName", counterpartNames.get(other)).put("conflicts", count));
            return node;
        }
    }
}
