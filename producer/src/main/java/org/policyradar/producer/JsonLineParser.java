package org.policyradar.producer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads one JSON Lines record: a JSON object with {@code id}, {@code source}, {@code url}, {@code published_at},
 * {@code headline} (or {@code title}), {@code summary} (or {@code body}, {@code text}) and {@code language}. Every
 * field is optional except one of the headline or text fields (a headline alone is the item's text, see
 * {@link NewsItemAssembler}); {@code null} (and, for {@code published_at}, a blank string) is
 * the same as absent. Every other top-level field,
 * and an alias that lost to an earlier one (e.g. {@code title} when {@code headline} is given), is kept in the
 * attributes as text: strings as they are, anything else as compact JSON.
 *
 * <p>The parser refuses input nested deeper than the configured depth, duplicate field names and anything after
 * the object, so that a line means one thing only.
 */
final class JsonLineParser implements LineParser {

    private static final List<String> HEADLINE_FIELDS = List.of("headline", "title");
    private static final List<String> TEXT_FIELDS = List.of("summary", "body", "text");
    private static final Set<String> SCALAR_FIELDS = Set.of("id", "source", "url", "published_at", "language");

    private final ObjectMapper mapper;
    private final int maxNestingDepth;

    JsonLineParser(int maxNestingDepth) {
        this.maxNestingDepth = maxNestingDepth;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxNestingDepth).build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // keeps decimal attributes as written instead of rounding them through double
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }

    @Override
    public RawNews parse(String line) throws BadLineException {
        JsonNode node = readTree(line);
        if (!node.isObject()) {
            throw new BadLineException("JSON line is " + describe(node) + ", not an object");
        }
        Set<String> used = new HashSet<>(SCALAR_FIELDS);
        String headline = firstNonBlank(node, HEADLINE_FIELDS, used);
        String text = firstNonBlank(node, TEXT_FIELDS, used);
        if (text == null && headline == null) {
            throw new BadLineException("no text: none of the fields headline, title, summary, body or text has any");
        }
        String id = idField(node);
        String source = stringField(node, "source");
        String url = stringField(node, "url");
        String publishedAtText = stringField(node, "published_at");
        Instant publishedAt = publishedAtText == null || publishedAtText.isBlank()
                ? null
                : PublishedAtParser.parse(publishedAtText);
        String language = stringField(node, "language");
        return new RawNews(id, source, url, publishedAt, headline, text == null ? "" : text, language,
                attributes(node, used));
    }

    private JsonNode readTree(String line) throws BadLineException {
        try {
            return mapper.readTree(line);
        } catch (StreamConstraintsException e) {
            String message = e.getOriginalMessage();
            if (message != null && message.toLowerCase(Locale.ROOT).contains("nesting depth")) {
                throw new BadLineException("JSON nested deeper than " + maxNestingDepth + " levels");
            }
            throw new BadLineException("JSON exceeds a parser limit: " + message);
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            String where = location == null || location.getColumnNr() < 1 ? "" : " at column " + location.getColumnNr();
            throw new BadLineException("invalid JSON" + where + ": " + e.getOriginalMessage());
        }
    }

    // picks the first alias with some text; the aliases it passes over stay in the attributes
    private static String firstNonBlank(JsonNode node, List<String> aliases, Set<String> used)
            throws BadLineException {
        String chosen = null;
        for (String alias : aliases) {
            String value = stringField(node, alias);
            if (chosen == null && value != null && !value.isBlank()) {
                chosen = value;
                used.add(alias);
            } else if (value == null || value.isBlank()) {
                used.add(alias);
            }
        }
        return chosen;
    }

    private static String stringField(JsonNode node, String name) throws BadLineException {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadLineException("field \"" + name + "\" must be a string, not " + describe(value));
        }
        return value.textValue();
    }

    // feeds often number their items: an integer id is as good as a string one
    private static String idField(JsonNode node) throws BadLineException {
        JsonNode value = node.get("id");
        if (value != null && value.isIntegralNumber()) {
            return value.asText();
        }
        if (value != null && !value.isNull() && !value.isTextual()) {
            throw new BadLineException("field \"id\" must be a string or an integer, not " + describe(value));
        }
        return value == null || value.isNull() ? null : value.textValue();
    }

    private Map<String, String> attributes(JsonNode node, Set<String> used) throws BadLineException {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            if (used.contains(field.getKey()) || value.isNull()) {
                continue;
            }
            attributes.put(field.getKey(), value.isTextual() ? value.textValue() : compactJson(value));
        }
        return attributes;
    }

    private String compactJson(JsonNode value) throws BadLineException {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new BadLineException("cannot write a field back as JSON: " + e.getOriginalMessage());
        }
    }

    private static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case OBJECT -> "an object";
            case ARRAY -> "an array";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case STRING -> "a string";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
