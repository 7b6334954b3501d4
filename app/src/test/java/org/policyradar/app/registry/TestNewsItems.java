package org.policyradar.app.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.policyradar.avro.EventTimeSource;
import org.policyradar.avro.NewsItem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

/** News items for the registry interop tests, and their shape on the JavaScript side. */
final class TestNewsItems {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestNewsItems() {
    }

    /** A complete news item with fixed times; change what a test cares about on the builder. */
    static NewsItem.Builder aNewsItem(String id) {
        return NewsItem.newBuilder()
                .setId(id)
                .setSource("interop-test-wire")
                .setUrl("https://news.example/" + id)
                .setHeadline("County board limits jail cooperation with ICE detainers")
                .setText("The county board voted 4-1 to stop honouring ICE detainer requests without a judicial warrant.")
                .setLanguage("en")
                .setPublishedAt(Instant.parse("2025-03-04T15:30:00.123Z"))
                .setEventTimeSource(EventTimeSource.PUBLISHED)
                .setIngestedAt(Instant.parse("2025-03-04T15:31:07.456Z"))
                .setAttributes(Map.of("section", "local", "byline", "Staff"));
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
