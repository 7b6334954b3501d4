package org.policyradar.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.Map;

/**
 * One request as a route sees it: the decoded path parameters, the query parameters and the JSON body
 * (an empty object when the request had none).
 */
record RestRequest(Map<String, String> pathParams, Map<String, String> query, JsonNode body) {

    static final JsonNode EMPTY_BODY = JsonNodeFactory.instance.objectNode();

    String path(String name) {
        return pathParams.get(name);
    }

    boolean flag(String name) {
        return "true".equalsIgnoreCase(query.getOrDefault(name, "false").trim());
    }

    /** A text field of the body, or null when absent or JSON null. */
    String bodyText(String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
