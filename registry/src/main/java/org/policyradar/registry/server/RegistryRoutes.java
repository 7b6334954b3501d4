package org.policyradar.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The REST endpoints of Confluent's Schema Registry that this registry serves, mapped onto
 * {@link SchemaRegistryService}. Each route answers a JSON body, or throws a {@link RegistryException}.
 */
final class RegistryRoutes {

    /** A method and a path pattern ({@code {name}} segments are parameters), and what answers them. */
    record Route(String method, List<String> pattern, Function<RestRequest, Object> action) {

        /** The path parameters when the path matches this route's pattern. */
        Optional<Map<String, String>> match(List<String> segments) {
            if (segments.size() != pattern.size()) {
                return Optional.empty();
            }
            Map<String, String> params = new java.util.HashMap<>();
            for (int i = 0; i < pattern.size(); i++) {
                String expected = pattern.get(i);
                if (expected.startsWith("{")) {
                    params.put(expected.substring(1, expected.length() - 1), segments.get(i));
                } else if (!expected.equals(segments.get(i))) {
                    return Optional.empty();
                }
            }
            return Optional.of(params);
        }
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final SchemaRegistryService registry;
    private final List<Route> routes = new ArrayList<>();

    RegistryRoutes(SchemaRegistryService registry) {
        this.registry = registry;
        route("GET", "", r -> JSON.objectNode());
        route("GET", "schemas/types", r -> JSON.arrayNode().add(SchemaRegistryService.AVRO));
        route("GET", "schemas/ids/{id}", r -> schemaObject(registry.schemaById(id(r))));
        route("GET", "schemas/ids/{id}/schema", r -> new RawJson(registry.schemaById(id(r))));
        route("GET", "schemas/ids/{id}/versions", this::versionsOfId);
        route("GET", "subjects", r -> strings(registry.subjects(r.flag("deleted"))));
        route("POST", "subjects/{subject}", this::lookup);
        route("DELETE", "subjects/{subject}",
                r -> ints(registry.deleteSubject(r.path("subject"), r.flag("permanent"))));
        route("GET", "subjects/{subject}/versions",
                r -> ints(registry.versions(r.path("subject"), r.flag("deleted"))));
        route("POST", "subjects/{subject}/versions", this::register);
        route("GET", "subjects/{subject}/versions/{version}",
                r -> subjectSchema(registry.version(r.path("subject"), r.path("version"), r.flag("deleted"))));
        route("DELETE", "subjects/{subject}/versions/{version}", r -> JSON.numberNode(
                registry.deleteVersion(r.path("subject"), r.path("version"), r.flag("permanent"))));
        route("GET", "subjects/{subject}/versions/{version}/schema", r -> new RawJson(
                registry.version(r.path("subject"), r.path("version"), r.flag("deleted")).schema()));
        route("GET", "subjects/{subject}/versions/{version}/referencedby", this::referencedBy);
        route("POST", "compatibility/subjects/{subject}/versions/{version}",
                r -> compatibility(r, r.path("version")));
        route("POST", "compatibility/subjects/{subject}/versions", r -> compatibility(r, null));
        route("GET", "config", r -> level("compatibilityLevel", registry.globalCompatibility()));
        route("PUT", "config", r -> level("compatibility",
                registry.updateCompatibility(null, compatibilityOf(r))));
        route("DELETE", "config", r -> level("compatibilityLevel", registry.deleteCompatibility(null)));
        route("GET", "config/{subject}", r -> level("compatibilityLevel",
                registry.subjectCompatibility(r.path("subject"), r.flag("defaultToGlobal"))));
        route("PUT", "config/{subject}", r -> level("compatibility",
                registry.updateCompatibility(r.path("subject"), compatibilityOf(r))));
        route("DELETE", "config/{subject}", r -> level("compatibilityLevel",
                registry.deleteCompatibility(r.path("subject"))));
        route("GET", "mode", r -> JSON.objectNode().put("mode", "READWRITE"));
    }

    List<Route> routes() {
        return routes;
    }

    private void route(String method, String pattern, Function<RestRequest, Object> action) {
        List<String> segments = pattern.isEmpty() ? List.of() : List.of(pattern.split("/"));
        routes.add(new Route(method, segments, action));
    }

    private Object register(RestRequest r) {
        rejectReferences(r);
        int id = registry.register(r.path("subject"), r.bodyText("schema"), r.bodyText("schemaType"));
        return JSON.objectNode().put("id", id);
    }

    private Object lookup(RestRequest r) {
        rejectReferences(r);
        return subjectSchema(registry.lookup(r.path("subject"), r.bodyText("schema"), r.bodyText("schemaType"),
                r.flag("deleted")));
    }

    private Object compatibility(RestRequest r, String version) {
        rejectReferences(r);
        SchemaRegistryService.CompatibilityResult result = registry.testCompatibility(
                r.path("subject"), version, r.bodyText("schema"), r.bodyText("schemaType"));
        ObjectNode answer = JSON.objectNode().put("is_compatible", result.compatible());
        if (r.flag("verbose")) {
            answer.set("messages", strings(result.messages()));
        }
        return answer;
    }

    private Object versionsOfId(RestRequest r) {
        ArrayNode answer = JSON.arrayNode();
        for (SchemaRegistryService.SubjectVersion v : registry.subjectVersionsOfId(id(r), r.flag("deleted"))) {
            answer.addObject().put("subject", v.subject()).put("version", v.version());
        }
        return answer;
    }

    private Object referencedBy(RestRequest r) {
        // Avro schemas here have no references, so nothing refers to any version; the version must exist
        registry.version(r.path("subject"), r.path("version"), true);
        return JSON.arrayNode();
    }

    private static String compatibilityOf(RestRequest r) {
        String level = r.bodyText("compatibility");
        return level != null ? level : r.bodyText("compatibilityLevel");
    }

    private static void rejectReferences(RestRequest r) {
        JsonNode references = r.body().get("references");
        if (references != null && !references.isNull() && !(references.isArray() && references.isEmpty())) {
            throw RegistryException.invalidSchema("Invalid schema: schema references are not supported");
        }
    }

    private static int id(RestRequest r) {
        String text = r.path("id");
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new RegistryException(404, RegistryException.SCHEMA_NOT_FOUND, "Schema " + text + " not found");
        }
    }

    private static ObjectNode schemaObject(String schema) {
        return JSON.objectNode().put("schema", schema);
    }

    private static ObjectNode subjectSchema(SchemaRegistryService.SubjectSchema s) {
        return JSON.objectNode()
                .put("subject", s.subject())
                .put("version", s.version())
                .put("id", s.id())
                .put("schema", s.schema());
    }

    private static ObjectNode level(String field, CompatibilityLevel level) {
        return JSON.objectNode().put(field, level.name());
    }

    private static ArrayNode strings(List<String> values) {
        ArrayNode array = JSON.arrayNode();
        values.forEach(array::add);
        return array;
    }

    private static ArrayNode ints(List<Integer> values) {
        ArrayNode array = JSON.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
