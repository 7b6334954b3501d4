package org.policyradar.app.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Paging of a list endpoint: {@code limit} (default {@value #DEFAULT_LIMIT}, at most {@value #MAX_LIMIT}) and
 * {@code cursor}, the opaque value of the previous page's {@code X-Next-Cursor} header. A cursor holds the sort
 * key of the last element of its page, and the next page starts strictly after that key in the list's order,
 * so elements added in front of it (newer conflicts) neither shift nor repeat the later pages.
 */
final class Page {

    /** Elements per page when the request gives no {@code limit}. */
    static final int DEFAULT_LIMIT = 100;
    /** The largest {@code limit} a request may ask for. */
    static final int MAX_LIMIT = 1000;
    /** The response header with the cursor of the next page; absent on the last page. */
    static final String NEXT_CURSOR_HEADER = "X-Next-Cursor";

    private static final ObjectMapper JSON = new ObjectMapper();
    // a cursor is a handful of short fields: anything longer is not one of ours
    private static final int MAX_CURSOR_CHARS = 2048;

    private final int limit;
    private final JsonNode after;

    private Page(int limit, JsonNode after) {
        this.limit = limit;
        this.after = after;
    }

    /** Every element: what one instance answers another that merges the pages itself. */
    static Page all() {
        return new Page(Integer.MAX_VALUE, null);
    }

    /**
     * The page a request asks for.
     *
     * @throws ApiException 400 when {@code limit} is not a number from 1 to {@value #MAX_LIMIT}, or the cursor is
     *                      not one this server gave out
     */
    static Page fromQuery(Function<String, String> query) {
        String limitText = query.apply("limit");
        int limit = DEFAULT_LIMIT;
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText.strip());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw ApiException.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT);
            }
        }
        String cursor = query.apply("cursor");
        return new Page(limit, cursor == null || cursor.isEmpty() ? null : decode(cursor));
    }

    int limit() {
        return limit;
    }

    /** The query parameters that ask another instance for the same page. */
    Map<String, String> asQuery() {
        Map<String, String> query = new LinkedHashMap<>();
        if (limit != Integer.MAX_VALUE) {
            query.put("limit", Integer.toString(limit));
        }
        if (after != null) {
            query.put("cursor", encode(after));
        }
        return query;
    }

    /** One page of a list and the cursor of the next one (null on the last page). */
    record Slice(List<JsonNode> elements, String nextCursor) {
    }

    /**
     * This page of {@code sorted}.
     *
     * @param order     the order {@code sorted} is in; total over the key fields
     * @param keyFields the fields of an element that {@code order} compares, which the cursor keeps
     */
    Slice of(List<JsonNode> sorted, Comparator<JsonNode> order, List<String> keyFields) {
        List<JsonNode> page = new ArrayList<>();
        boolean more = false;
        for (JsonNode element : sorted) {
            if (after != null && !isAfterCursor(element, order)) {
                continue;
            }
            if (page.size() == limit) {
                more = true;
                break;
            }
            page.add(element);
        }
        String next = null;
        if (more) {
            ObjectNode key = JSON.createObjectNode();
            JsonNode last = page.get(page.size() - 1);
            keyFields.forEach(field -> key.set(field, last.path(field)));
            next = encode(key);
        }
        return new Slice(page, next);
    }

    private boolean isAfterCursor(JsonNode element, Comparator<JsonNode> order) {
        try {
            return order.compare(element, after) > 0;
        } catch (RuntimeException e) {
            // a key field the order cannot read (a date that is no date): not a cursor we made
            throw ApiException.badRequest("cursor is not one this API gave out");
        }
    }

    private static String encode(JsonNode key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode decode(String cursor) {
        if (cursor.length() > MAX_CURSOR_CHARS) {
            throw ApiException.badRequest("cursor is not one this API gave out");
        }
        try {
            JsonNode key = JSON.readTree(Base64.getUrlDecoder().decode(cursor));
            if (key == null || !key.isObject()) {
                throw ApiException.badRequest("cursor is not one this API gave out");
            }
            return key;
        } catch (IllegalArgumentException | IOException e) {
            throw ApiException.badRequest("cursor is not one this API gave out");
        }
    }
}
