package org.policyradar.registry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.policyradar.registry.testing.RegistryHttp;
import org.policyradar.registry.testing.RegistryHttp.Response;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyradar.registry.testing.TestData.field;
import static org.policyradar.registry.testing.TestData.pingSchema;

/** The registry's REST endpoints, their answers and error codes, on a real HTTP server. */
class SchemaRegistryServerTest {

    private static final String PING_V1 = pingSchema(field("a", "string"));
    private static final String PING_V2 = pingSchema(field("a", "string"), field("b", "string", "\"x\""));

    private SchemaRegistryServer server;
    private RegistryHttp http;

    @BeforeEach
    void start() throws Exception {
        server = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());
        http = new RegistryHttp(server.url());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldListenOnAFreePortWhenAskedForPortZero() {
        assertThat(server.port()).isPositive();
        assertThat(server.url()).isEqualTo("http://127.0.0.1:" + server.port());
    }

    @Test
    void shouldAnswerIdsFromOneAndVersionsPerSubject() {
        Response first = http.post("/subjects/pings-value/versions", RegistryHttp.schemaBody(PING_V1));
        Response second = http.post("/subjects/pings-value/versions", RegistryHttp.schemaBody(PING_V2));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().toString()).isEqualTo("{\"id\":1}");
        assertThat(second.json().get("id").asInt()).isEqualTo(2);
        assertThat(http.get("/subjects/pings-value/versions").json().toString()).isEqualTo("[1,2]");
    }

    @Test
    void shouldAnswerTheSameIdWhenTheSameSchemaIsRegisteredAgain() {
        int id = http.register("pings-value", PING_V1);
        int again = http.register("pings-value", PING_V1);

        assertThat(again).isEqualTo(id);
        assertThat(http.get("/subjects/pings-value/versions").json().toString()).isEqualTo("[1]");
    }

    @Test
    void shouldTreatDifferentlyFormattedTextOfTheSameSchemaAsTheSameSchema() throws Exception {
        int id = http.register("pings-value", PING_V1);
        String reformatted = new ObjectMapper().readTree(PING_V1).toPrettyString();

        assertThat(http.register("pings-value", reformatted)).isEqualTo(id);
    }

    @Test
    void shouldGiveTheSameSchemaTheSameIdUnderEverySubject() {
        int id = http.register("pings-value", PING_V1);
        int other = http.register("other-value", PING_V1);

        assertThat(other).isEqualTo(id);
        Response versions = http.get("/schemas/ids/" + id + "/versions");
        assertThat(versions.status()).isEqualTo(200);
        assertThat(versions.json().toString())
                .isEqualTo("[{\"subject\":\"other-value\",\"version\":1},{\"subject\":\"pings-value\",\"version\":1}]");
    }

    @Test
    void shouldServeASchemaById() {
        int id = http.register("pings-value", PING_V1);

        Response response = http.get("/schemas/ids/" + id);
        Response withSubject = http.get("/schemas/ids/" + id + "?subject=pings-value");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo(RegistryHttp.V1_JSON);
        assertThat(fieldNames(response.json())).containsExactly("schema");
        assertThat(new Schema.Parser().parse(response.json().get("schema").asText()))
                .isEqualTo(new Schema.Parser().parse(PING_V1));
        assertThat(withSubject.json()).isEqualTo(response.json());
    }

    @Test
    void shouldAnswer40403ForAnUnknownSchemaId() {
        Response response = http.get("/schemas/ids/42");
        Response versions = http.get("/schemas/ids/42/versions");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo(40403);
        assertThat(response.json().get("message").asText()).isEqualTo("Schema 42 not found");
        assertThat(versions.errorCode()).isEqualTo(40403);
    }

    @Test
    void shouldListSubjectsInOrder() {
        http.register("b-value", PING_V1);
        http.register("a-value", PING_V1);

        assertThat(http.get("/subjects").json().toString()).isEqualTo("[\"a-value\",\"b-value\"]");
    }

    @Test
    void shouldServeAVersionByNumberAndAsLatest() {
        int id1 = http.register("pings-value", PING_V1);
        int id2 = http.register("pings-value", PING_V2);

        Response first = http.get("/subjects/pings-value/versions/1");
        Response latest = http.get("/subjects/pings-value/versions/latest");

        assertThat(fieldNames(first.json())).containsExactly("subject", "version", "id", "schema");
        assertThat(first.json().get("subject").asText()).isEqualTo("pings-value");
        assertThat(first.json().get("version").asInt()).isEqualTo(1);
        assertThat(first.json().get("id").asInt()).isEqualTo(id1);
        assertThat(latest.json().get("version").asInt()).isEqualTo(2);
        assertThat(latest.json().get("id").asInt()).isEqualTo(id2);
        assertThat(http.get("/subjects/pings-value/versions/-1").json()).isEqualTo(latest.json());
    }

    @Test
    void shouldServeTheBareSchemaOfAVersion() {
        http.register("pings-value", PING_V1);

        Response response = http.get("/subjects/pings-value/versions/1/schema");

        assertThat(response.status()).isEqualTo(200);
        assertThat(new Schema.Parser().parse(response.body())).isEqualTo(new Schema.Parser().parse(PING_V1));
    }

    @Test
    void shouldAnswer40401ForAnUnknownSubject() {
        assertThat(http.get("/subjects/nope-value/versions").errorCode()).isEqualTo(40401);
        assertThat(http.get("/subjects/nope-value/versions/1").errorCode()).isEqualTo(40401);
        assertThat(http.get("/subjects/nope-value/versions/latest/schema").errorCode()).isEqualTo(40401);
        Response lookup = http.post("/subjects/nope-value", RegistryHttp.schemaBody(PING_V1));
        assertThat(lookup.status()).isEqualTo(404);
        assertThat(lookup.errorCode()).isEqualTo(40401);
        assertThat(lookup.json().get("message").asText()).isEqualTo("Subject 'nope-value' not found.");
    }

    @Test
    void shouldAnswer40402ForAnUnknownVersion() {
        http.register("pings-value", PING_V1);

        Response response = http.get("/subjects/pings-value/versions/7");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo(40402);
        assertThat(response.json().get("message").asText()).isEqualTo("Version 7 not found.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-2", "abc", "1.5"})
    void shouldAnswer42202ForAnInvalidVersion(String version) {
        http.register("pings-value", PING_V1);

        Response response = http.get("/subjects/pings-value/versions/" + version);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorCode()).isEqualTo(42202);
    }

    @Test
    void shouldLookUpASchemaUnderASubject() {
        int id = http.register("pings-value", PING_V1);
        http.register("pings-value", PING_V2);

        Response response = http.post("/subjects/pings-value", RegistryHttp.schemaBody(PING_V1));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("subject").asText()).isEqualTo("pings-value");
        assertThat(response.json().get("id").asInt()).isEqualTo(id);
        assertThat(response.json().get("version").asInt()).isEqualTo(1);
        assertThat(new Schema.Parser().parse(response.json().get("schema").asText()))
                .isEqualTo(new Schema.Parser().parse(PING_V1));
    }

    @Test
    void shouldAnswer40403WhenTheSchemaIsNotUnderTheSubject() {
        http.register("pings-value", PING_V1);

        Response response = http.post("/subjects/pings-value", RegistryHttp.schemaBody(PING_V2));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo(40403);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"schema\": \"{\\\"type\\\": \\\"record\\\"}\"}",
            "{\"schema\": \"not json at all\"}",
            "{\"schema\": \"\"}",
            "{}",
            "{\"schema\": \"\\\"string\\\"\", \"schemaType\": \"PROTOBUF\"}",
            "{\"schema\": \"\\\"string\\\"\", \"references\": [{\"name\": \"x\", \"subject\": \"y\", \"version\": 1}]}"
    })
    void shouldAnswer42201ForAnInvalidSchema(String body) {
        Response response = http.post("/subjects/pings-value/versions", body);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.errorCode()).isEqualTo(42201);
        assertThat(response.json().get("message").asText()).isNotBlank();
    }

    @Test
    void shouldAcceptAnExplicitAvroSchemaTypeAndEmptyReferences() {
        Response response = http.post("/subjects/pings-value/versions",
                "{\"schema\": \"\\\"string\\\"\", \"schemaType\": \"AVRO\", \"references\": []}");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("id").asInt()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "application/vnd.schemaregistry.v1+json",
            "application/vnd.schemaregistry+json",
            "application/json",
            "application/json; charset=utf-8"})
    void shouldAcceptConfluentsContentTypes(String contentType) {
        Response response = http.send("POST", "/subjects/pings-value/versions",
                RegistryHttp.schemaBody(PING_V1), contentType);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo(RegistryHttp.V1_JSON);
    }

    @Test
    void shouldAcceptARequestWithoutContentType() {
        Response response = http.send("POST", "/subjects/pings-value/versions", RegistryHttp.schemaBody(PING_V1), null);

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void shouldAnswer415ForAnotherContentType() {
        Response response = http.send("POST", "/subjects/pings-value/versions",
                RegistryHttp.schemaBody(PING_V1), "text/plain");

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.errorCode()).isEqualTo(415);
    }

    @Test
    void shouldAnswer400ForABodyThatIsNotJson() {
        Response response = http.post("/subjects/pings-value/versions", "{\"schema\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo(400);
    }

    @Test
    void shouldAnswer404InConfluentsShapeForAnUnknownPath() {
        Response response = http.get("/no/such/thing");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).isEqualTo(RegistryHttp.V1_JSON);
        assertThat(fieldNames(response.json())).containsExactly("error_code", "message");
        assertThat(response.errorCode()).isEqualTo(404);
    }

    @Test
    void shouldAnswer405ForAKnownPathWithTheWrongMethod() {
        Response response = http.send("PUT", "/subjects", "{}", RegistryHttp.V1_JSON);

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.errorCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void shouldServeTheRootTypesAndModeEndpoints() {
        assertThat(http.get("/").json().toString()).isEqualTo("{}");
        assertThat(http.get("/schemas/types").json().toString()).isEqualTo("[\"AVRO\"]");
        assertThat(http.get("/mode").json().toString()).isEqualTo("{\"mode\":\"READWRITE\"}");
    }

    @Test
    void shouldDecodeSubjectsWithReservedCharacters() {
        int id = http.register("a%2Fb+c%20d", PING_V1);

        assertThat(http.get("/subjects").json().toString()).isEqualTo("[\"a/b+c d\"]");
        assertThat(http.get("/subjects/a%2Fb+c%20d/versions/1").json().get("id").asInt()).isEqualTo(id);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
