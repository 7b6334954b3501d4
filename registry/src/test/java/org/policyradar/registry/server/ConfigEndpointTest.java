package org.policyradar.registry.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.policyradar.registry.testing.RegistryHttp;
import org.policyradar.registry.testing.RegistryHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** GET, PUT and DELETE on /config and /config/{subject}. */
class ConfigEndpointTest {

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
    void shouldStartWithBackwardGlobally() {
        assertThat(http.get("/config").json().toString()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    }

    @ParameterizedTest
    @EnumSource(CompatibilityLevel.class)
    void shouldSetTheGlobalLevel(CompatibilityLevel level) {
        Response put = http.put("/config", "{\"compatibility\": \"" + level.name().toLowerCase() + "\"}");

        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().toString()).isEqualTo("{\"compatibility\":\"" + level.name() + "\"}");
        assertThat(http.get("/config").json().get("compatibilityLevel").asText()).isEqualTo(level.name());
    }

    @Test
    void shouldAnswer42203ForAnInvalidLevel() {
        Response invalid = http.put("/config", "{\"compatibility\": \"SIDEWAYS\"}");
        Response missing = http.put("/config/s", "{}");

        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.errorCode()).isEqualTo(42203);
        assertThat(missing.errorCode()).isEqualTo(42203);
        assertThat(http.get("/config").json().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    }

    @Test
    void shouldAnswer40408ForASubjectWithoutItsOwnLevel() {
        Response response = http.get("/config/s");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo(40408);
        assertThat(response.json().get("message").asText())
                .isEqualTo("Subject 's' does not have subject-level compatibility configured");
    }

    @Test
    void shouldFallBackToTheGlobalLevelWhenAsked() {
        http.put("/config", "{\"compatibility\": \"FORWARD\"}");

        Response response = http.get("/config/s?defaultToGlobal=true");

        assertThat(response.json().toString()).isEqualTo("{\"compatibilityLevel\":\"FORWARD\"}");
    }

    @Test
    void shouldSetAndRemoveASubjectLevel() {
        Response put = http.put("/config/s", "{\"compatibility\": \"FULL_TRANSITIVE\"}");
        Response get = http.get("/config/s");
        Response delete = http.delete("/config/s");

        assertThat(put.json().toString()).isEqualTo("{\"compatibility\":\"FULL_TRANSITIVE\"}");
        assertThat(get.json().toString()).isEqualTo("{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}");
        assertThat(delete.json().toString()).isEqualTo("{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}");
        assertThat(http.get("/config/s").errorCode()).isEqualTo(40408);
    }

    @Test
    void shouldResetTheGlobalLevelOnDelete() {
        http.put("/config", "{\"compatibility\": \"NONE\"}");

        Response delete = http.delete("/config");

        assertThat(delete.json().toString()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
        assertThat(http.get("/config").json().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    }
}
