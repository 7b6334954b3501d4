package org.policyradar.app.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/** The labels of the bundled seed news (a copy of the development set's seed-labels.json). */
record SeedLabels(TreeMap<String, Item> items, Set<List<String>> requiredPairs) {

    record Item(String id, int line, String side, String topic, boolean optionalOnly) {
    }

    static SeedLabels load() throws IOException {
        try (InputStream in = SeedLabels.class.getResourceAsStream("/seed/seed-labels.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            TreeMap<String, Item> items = new TreeMap<>();
            root.get("items").fields().forEachRemaining(entry -> {
                JsonNode item = entry.getValue();
                items.put(entry.getKey(), new Item(entry.getKey(), item.get("line").asInt(), item.get("side").asText(),
                        item.get("topic").asText(), item.path("optional_only").asBoolean(false)));
            });
            Set<List<String>> required = new HashSet<>();
            root.get("required_pairs").forEach(pair -> required.add(List.of(pair.get(0).asText(), pair.get(1).asText())));
            return new SeedLabels(items, required);
        }
    }

    /** Whether the labels allow a conflict with this pressing and this resisting item (required or optional). */
    boolean allows(String pressingId, String resistingId) {
        if (requiredPairs.contains(List.of(pressingId, resistingId))) {
            return true;
        }
        Item pressing = items.get(pressingId);
        Item resisting = items.get(resistingId);
        boolean pressVersusResist = pressing.side().equals("PRESS") && resisting.side().equals("RESIST");
        return pressVersusResist && (pressing.optionalOnly() || !pressing.topic().equals(resisting.topic()));
    }
}
