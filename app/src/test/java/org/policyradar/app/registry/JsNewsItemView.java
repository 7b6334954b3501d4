package org.policyradar.app.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.policyradar.avro.NewsItem;

import java.io.IOException;
import java.io.UncheckedIOException;

/** News items as the registry interop tests' JavaScript side sees them. */
final class JsNewsItemView {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsNewsItemView() {
    }

    /**
     * The item as Confluent's JavaScript Avro serde (avsc) represents it: unions of null and one type unwrapped,
     * timestamp-millis as a number of milliseconds, enums as their symbol, maps as objects. Numbers go through
     * a JSON text round trip so that they compare equal to numbers parsed from a script's output.
     */
    static JsonNode jsView(NewsItem item) {
        ObjectNode node = JSON.createObjectNode()
                .put("id", item.getId())
                .put("source", item.getSource())
                .put("url", item.getUrl())
                .put("headline", item.getHeadline())
                .put("text", item.getText())
                .put("language", item.getLanguage())
                .put("publishedAt", item.getPublishedAt().toEpochMilli())
                .put("eventTimeSource", item.getEventTimeSource().name())
                .put("ingestedAt", item.getIngestedAt().toEpochMilli());
        ObjectNode attributes = node.putObject("attributes");
        item.getAttributes().forEach(attributes::put);
        try {
            return JSON.readTree(JSON.writeValueAsString(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
