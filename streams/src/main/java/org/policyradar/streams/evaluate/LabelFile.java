package org.policyradar.streams.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A labels file, as documented in docs/quality.md: {@code items} maps each item id to its label ({@code side},
 * {@code topic}, {@code scope} or {@code jur}, {@code cluster}, optional {@code optional_only}, {@code also},
 * {@code line} for plain-text corpora). Clusters may instead be given as a {@code stories} map from cluster to
 * item ids; an item in no cluster is a story of its own. {@code required_pairs}, when present, lists the
 * required [press, resist] pairs explicitly instead of deriving them from the labels.
 *
 * @param items         the labelled items, in file order
 * @param requiredPairs the explicit required pairs, or null when they are derived
 */
public record LabelFile(Map<String, LabelledItem> items, Set<List<String>> requiredPairs) {

    /** Reads a labels file. */
    public static LabelFile read(InputStream in) throws IOException {
        JsonNode root = new ObjectMapper().readTree(in);
        JsonNode itemsNode = root.get("items");
        if (itemsNode == null || !itemsNode.isObject()) {
            throw new IOException("labels file has no \"items\" object");
        }
        Map<String, String> storyOf = new HashMap<>();
        JsonNode stories = root.get("stories");
        if (stories != null) {
            stories.properties().forEach(e -> e.getValue().forEach(id -> storyOf.put(id.asText(), e.getKey())));
        }
        Map<String, LabelledItem> items = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : itemsNode.properties()) {
            JsonNode node = e.getValue();
            if (!node.has("side")) {
                throw new IOException("label of " + e.getKey() + " has no side");
            }
            List<Label> also = new ArrayList<>();
            node.path("also").forEach(a -> also.add(Label.of(a)));
            String cluster = node.hasNonNull("cluster") ? node.get("cluster").asText()
                    : storyOf.getOrDefault(e.getKey(), e.getKey());
            items.put(e.getKey(), new LabelledItem(e.getKey(), node.path("line").asInt(0), cluster, Label.of(node),
                    List.copyOf(also), node.path("optional_only").asBoolean(false)));
        }
        Set<List<String>> required = null;
        JsonNode pairs = root.get("required_pairs");
        if (pairs != null && pairs.isArray()) {
            required = new LinkedHashSet<>();
            for (JsonNode p : pairs) {
                required.add(List.of(p.get(0).asText(), p.get(1).asText()));
            }
        }
        return new LabelFile(items, required);
    }
}
