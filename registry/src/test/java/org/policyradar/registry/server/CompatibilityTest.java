package org.policyradar.registry.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policyradar.registry.testing.RegistryHttp;
import org.policyradar.registry.testing.RegistryHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyradar.registry.testing.TestData.field;
import static org.policyradar.registry.testing.TestData.pingSchema;

/** Compatibility levels enforced on registration and answered by the compatibility endpoints. */
class CompatibilityTest {

    private static final String A = field("a", "string");
    private static final String B_NO_DEFAULT = field("b", "string");
    private static final String B_WITH_DEFAULT = field("b", "string", "\"x\"");

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

    private Response register(String subject, String schema) {
        return http.post("/subjects/" + subject + "/versions", RegistryHttp.schemaBody(schema));
    }

    private void setLevel(String subject, String level) {
        Response response = http.put("/config/" + subject, "{\"compatibility\": \"" + level + "\"}");
        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void shouldEnforceBackwardByDefault() {
        http.register("s", pingSchema(A));

        Response withDefault = register("s", pingSchema(A, B_WITH_DEFAULT));
        Response withoutDefault = register("s", pingSchema(A, B_WITH_DEFAULT, field("c", "int")));

        assertThat(withDefault.status()).isEqualTo(200);
        assertThat(withoutDefault.status()).isEqualTo(409);
        assertThat(withoutDefault.errorCode()).isEqualTo(409);
        assertThat(withoutDefault.json().get("message").asText())
                .startsWith("Schema being registered is incompatible with an earlier schema for subject \"s\"")
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE");
        assertThat(http.get("/subjects/s/versions").json().toString()).isEqualTo("[1,2]");
    }

    @Test
    void shouldEnforceForward() {
        setLevel("s", "FORWARD");
        http.register("s", pingSchema(A, B_NO_DEFAULT));

        // old readers ignore a field they do not know...
        assertThat(register("s", pingSchema(A, B_NO_DEFAULT, field("c", "int"))).status()).isEqualTo(200);
        // ...but cannot do without one they need
        Response dropsB = register("s", pingSchema(A, field("c", "int")));
        assertThat(dropsB.status()).isEqualTo(409);
        assertThat(dropsB.errorCode()).isEqualTo(409);
    }

    @Test
    void shouldEnforceFull() {
        setLevel("s", "FULL");
        http.register("s", pingSchema(A));

        assertThat(register("s", pingSchema(A, B_NO_DEFAULT)).errorCode()).isEqualTo(409);
        assertThat(register("s", pingSchema(A, B_WITH_DEFAULT)).status()).isEqualTo(200);
    }

    @Test
    void shouldAcceptAnythingUnderNone() {
        setLevel("s", "NONE");
        http.register("s", pingSchema(A));

        assertThat(register("s", pingSchema(field("a", "int"))).status()).isEqualTo(200);
    }

    @Test
    void shouldCheckEveryEarlierVersionWhenTransitive() {
        String v1 = pingSchema(field("f", "int"));
        String v2 = pingSchema();
        String v3 = pingSchema(field("f", "string", "\"\""));
        // v3 reads v2's data (f takes its default) but not v1's (an int cannot be read as a string)

        http.register("plain", v1);
        http.register("plain", v2);
        assertThat(register("plain", v3).status()).isEqualTo(200);

        setLevel("transitive", "BACKWARD_TRANSITIVE");
        http.register("transitive", v1);
        http.register("transitive", v2);
        Response refused = register("transitive", v3);
        assertThat(refused.errorCode()).isEqualTo(409);
        assertThat(refused.json().get("message").asText()).contains("oldSchemaVersion: 1");
    }

    @Test
    void shouldNotCheckAgainstSoftDeletedVersions() {
        http.register("s", pingSchema(A));
        http.delete("/subjects/s/versions/1");

        Response response = register("s", pingSchema(field("a", "int")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(http.get("/subjects/s/versions").json().toString()).isEqualTo("[2]");
    }

    @Test
    void shouldAnswerWhetherASchemaIsCompatibleWithAVersion() {
        http.register("s", pingSchema(A));

        Response compatible = http.post("/compatibility/subjects/s/versions/latest",
                RegistryHttp.schemaBody(pingSchema(A, B_WITH_DEFAULT)));
        Response incompatible = http.post("/compatibility/subjects/s/versions/1",
                RegistryHttp.schemaBody(pingSchema(A, B_NO_DEFAULT)));

        assertThat(compatible.json().toString()).isEqualTo("{\"is_compatible\":true}");
        assertThat(incompatible.status()).isEqualTo(200);
        assertThat(incompatible.json().toString()).isEqualTo("{\"is_compatible\":false}");
    }

    @Test
    void shouldExplainAnIncompatibilityWhenVerbose() {
        http.register("s", pingSchema(A));

        Response response = http.post("/compatibility/subjects/s/versions/latest?verbose=true",
                RegistryHttp.schemaBody(pingSchema(A, B_NO_DEFAULT)));

        assertThat(response.json().get("is_compatible").asBoolean()).isFalse();
        assertThat(response.json().get("messages").toString())
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
                .contains("{compatibility: 'BACKWARD'}");
    }

    @Test
    void shouldTestAgainstTheVersionsTheLevelNamesWithoutAVersion() {
        setLevel("s", "BACKWARD_TRANSITIVE");
        http.register("s", pingSchema(field("f", "int")));
        http.register("s", pingSchema());

        Response response = http.post("/compatibility/subjects/s/versions",
                RegistryHttp.schemaBody(pingSchema(field("f", "string", "\"\""))));

        assertThat(response.json().get("is_compatible").asBoolean()).isFalse();
    }

    @Test
    void shouldFindAnythingCompatibleWithTheLatestVersionOfANewSubject() {
        Response response = http.post("/compatibility/subjects/new-value/versions/latest",
                RegistryHttp.schemaBody(pingSchema(A)));

        assertThat(response.json().get("is_compatible").asBoolean()).isTrue();
    }

    @Test
    void shouldAnswerCompatibilityErrorsForUnknownSubjectsVersionsAndSchemas() {
        assertThat(http.post("/compatibility/subjects/new-value/versions/1",
                RegistryHttp.schemaBody(pingSchema(A))).errorCode()).isEqualTo(40401);
        http.register("s", pingSchema(A));
        assertThat(http.post("/compatibility/subjects/s/versions/9",
                RegistryHttp.schemaBody(pingSchema(A))).errorCode()).isEqualTo(40402);
        assertThat(http.post("/compatibility/subjects/s/versions/zero",
                RegistryHttp.schemaBody(pingSchema(A))).errorCode()).isEqualTo(42202);
        assertThat(http.post("/compatibility/subjects/s/versions/latest",
                RegistryHttp.schemaBody("{\"type\": \"nonsense\"}")).errorCode()).isEqualTo(42201);
    }

    @Test
    void shouldLetASubjectLevelOverrideTheGlobalOne() {
        http.put("/config", "{\"compatibility\": \"NONE\"}");
        setLevel("strict", "FULL");
        http.register("strict", pingSchema(A));
        http.register("loose", pingSchema(A));

        assertThat(register("loose", pingSchema(field("a", "int"))).status()).isEqualTo(200);
        assertThat(register("strict", pingSchema(field("a", "int"))).errorCode()).isEqualTo(409);
    }
}
