package org.policyradar.app.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.policyradar.streams.evaluate.ConflictScoring.ScoredConflict;

/**
 * Reads back what {@code run --json} printed ({@link ConflictFormat#json(org.policyradar.avro.PolicyConflict)},
 * one line per state of a conflict): the latest state of each conflict id, as the domain and the report ids of
 * its two stories. A line that is not such a conflict is reported with its number and skipped.
 */
public final class ConflictLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConflictLines() {
    }

    /** The latest state of every conflict in the file, in the order of their first lines. */
    public static List<ScoredConflict> read(Path file, Consumer<String> problems) throws IOException {
        Map<String, ScoredConflict> latest = new LinkedHashMap<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = JSON.readTree(line);
                    String id = text(node, "conflictId");
                    latest.put(id, new ScoredConflict(text(node, "domain"),
                            itemIds(node, "pressingArticles", "pressing"), itemIds(node, "resistingArticles", "resisting")));
                } catch (JsonProcessingException | IllegalArgumentException e) {
                    problems.accept(file + " line " + number + ": not a conflict (" + e.getMessage() + "), skipped");
                }
            }
        }
        return List.copyOf(latest.values());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("no text field '" + field + "'");
        }
        return value.asText();
    }

    /** The report ids of one story, or its party's item id when the line lists no reports. */
    private static List<String> itemIds(JsonNode node, String articlesField, String partyField) {
        List<String> ids = new ArrayList<>();
        JsonNode articles = node.get(articlesField);
        if (articles != null && articles.isArray()) {
            articles.forEach(article -> ids.add(text(article, "itemId")));
        }
        if (ids.isEmpty()) {
            JsonNode party = node.get(partyField);
            if (party == null || !party.isObject()) {
                throw new IllegalArgumentException("no '" + articlesField + "' and no '" + partyField + "'");
            }
            ids.add(text(party, "itemId"));
        }
        return ids;
    }
}
