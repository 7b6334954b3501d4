package org.policyradar.streams.conflict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A news corpus (one item a line) with its labels (side, topic, jurisdiction of every item; the conflict pairs
 * it requires; the items that report the same story), as in src/test/resources/corpus.
 */
final class LabelledCorpus {

    /** One labelled item. */
    record Item(String id, int line, String text, String side, Set<String> topics, boolean optionalOnly) {
    }

    final List<Item> items;
    final Set<List<String>> requiredPairs;
    final Map<String, String> labelledStoryOf;

    private LabelledCorpus(List<Item> items, Set<List<String>> requiredPairs, Map<String, String> labelledStoryOf) {
        this.items = items;
        this.requiredPairs = requiredPairs;
        this.labelledStoryOf = labelledStoryOf;
    }

    static LabelledCorpus load(String news, String labels) {
        try (InputStream textIn = resource(news); InputStream labelIn = resource(labels)) {
            String[] lines = new String(textIn.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            JsonNode root = new ObjectMapper().readTree(labelIn);
            List<Item> items = new ArrayList<>();
            root.get("items").fields().forEachRemaining(e -> {
                JsonNode label = e.getValue();
                int line = label.get("line").asInt();
                Set<String> topics = new HashSet<>();
                JsonNode topic = label.get("topic");
                if (topic != null && topic.isArray()) {
                    topic.forEach(t -> topics.add(t.asText()));
                } else if (topic != null) {
                    topics.add(topic.asText());
                }
                items.add(new Item(e.getKey(), line, lines[line - 1].strip(), label.get("side").asText(), topics,
                        label.path("optional_only").asBoolean(false)));
            });
            Set<List<String>> required = new HashSet<>();
            root.get("required_pairs").forEach(p -> required.add(List.of(p.get(0).asText(), p.get(1).asText())));
            Map<String, String> stories = new LinkedHashMap<>();
            JsonNode storyNode = root.get("stories");
            if (storyNode != null) {
                storyNode.fields().forEachRemaining(e -> e.getValue().forEach(id -> stories.put(id.asText(), e.getKey())));
            }
            return new LabelledCorpus(items, required, stories);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = LabelledCorpus.class.getClassLoader().getResourceAsStream("corpus/" + name);
        if (in == null) {
            throw new IllegalStateException("test resource corpus/" + name + " is missing");
        }
        return in;
    }

    Item item(String id) {
        return items.stream().filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    /** A pair that is neither required nor wrong: a PRESS and a RESIST item on different topics, or an optional-only PRESS. */
    boolean optional(String pressId, String resistId) {
        Item press = item(pressId);
        Item resist = item(resistId);
        if (!press.side().equals("PRESS") || !resist.side().equals("RESIST")) {
            return false;
        }
        if (press.optionalOnly()) {
            return true;
        }
        return press.topics().stream().noneMatch(resist.topics()::contains);
    }
}
