package org.policyradar.registry.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policyradar.registry.testing.RegistryHttp;
import org.policyradar.registry.testing.RegistryHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A registry started with "user:password" asks for HTTP basic authentication on every request. */
class BasicAuthTest {

    private SchemaRegistryServer server;
    private RegistryHttp http;

    @BeforeEach
    void start() throws Exception {
        server = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore(), "radar:s3cret:with-colon");
        http = new RegistryHttp(server.url());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldAcceptTheRightCredentials() {
        Response response = http.withBasicAuth("radar:s3cret:with-colon").get("/subjects");

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void shouldRefuseARequestWithoutCredentials() {
        Response response = http.get("/subjects");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo(401);
        assertThat(response.json().get("message").asText()).isEqualTo("Unauthorized");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Basic"));
    }

    @Test
    void shouldRefuseAWrongPassword() {
        assertThat(http.withBasicAuth("radar:guess").get("/subjects").status()).isEqualTo(401);
        assertThat(http.withBasicAuth("other:s3cret:with-colon").get("/subjects").status()).isEqualTo(401);
    }

    @Test
    void shouldRefuseBeforeRouting() {
        // an unknown path answers 401, not 404, so that nothing is revealed without credentials
        assertThat(http.get("/no/such/path").status()).isEqualTo(401);
    }

    @Test
    void shouldRefuseUserInfoWithoutAColon() {
        assertThatThrownBy(() -> SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore(), "radar"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
