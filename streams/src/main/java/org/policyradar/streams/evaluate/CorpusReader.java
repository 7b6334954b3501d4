package org.policyradar.streams.evaluate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the corpus of an evaluation: JSON Lines ({@code id}, {@code headline}, {@code summary} or {@code text},
 * {@code source}) or plain text, one item a line, whose items are identified by the {@code line} of their label.
 */
public final class CorpusReader {

    private CorpusReader() {
    }

    /** The items of the corpus content that have a label; unlabelled items are left out. */
    public static List<CorpusItem> read(String content, Map<String, LabelledItem> labels) throws IOException {
        List<String> lines = content.lines().toList();
        boolean json = lines.stream().filter(l -> !l.isBlank()).findFirst().map(l -> l.strip().startsWith("{"))
                .orElse(false);
        List<CorpusItem> items = new ArrayList<>();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            int number = 0;
            for (String line : lines) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = mapper.readTree(line);
                } catch (IOException e) {
                    throw new IOException("line " + number + " is not JSON: " + e.getMessage(), e);
                }
                String id = node.path("id").asText(null);
                if (id == null || !labels.containsKey(id)) {
                    continue;
                }
                String text = node.hasNonNull("summary") ? node.get("summary").asText() : node.path("text").asText("");
                items.add(new CorpusItem(id, node.path("source").asText(""), node.path("headline").asText(null), text));
            }
            return items;
        }
        for (LabelledItem label : labels.values()) {
            if (label.line() >= 1 && label.line() <= lines.size()) {
                items.add(new CorpusItem(label.id(), "", null, lines.get(label.line() - 1).strip()));
            }
        }
        items.sort((a, b) -> Integer.compare(labels.get(a.id()).line(), labels.get(b.id()).line()));
        return items;
    }
}
