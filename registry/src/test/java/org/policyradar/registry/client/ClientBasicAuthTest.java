package org.policyradar.registry.client;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policyradar.registry.server.InMemorySchemaStore;
import org.policyradar.registry.server.SchemaRegistryServer;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client's basic authentication, configured with Confluent's keys, against a registry that asks for it. */
class ClientBasicAuthTest {

    private SchemaRegistryServer server;

    @BeforeEach
    void start() throws Exception {
        server = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore(), "radar:s3cret");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldAuthenticateWithUserInfo() throws Exception {
        CachedSchemaRegistryClient client = new CachedSchemaRegistryClient(server.url(), Map.of(
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "radar:s3cret"));

        assertThat(client.getAllSubjects()).isEmpty();
    }

    @Test
    void shouldAcceptTheUserInfoUnderTheRegistryPrefix() throws Exception {
        CachedSchemaRegistryClient client = new CachedSchemaRegistryClient(server.url(), Map.of(
                "basic.auth.credentials.source", "USER_INFO",
                "schema.registry.basic.auth.user.info", "radar:s3cret"));

        assertThat(client.getAllSubjects()).isEmpty();
    }

    @Test
    void shouldAuthenticateWithCredentialsInTheUrl() throws Exception {
        String url = server.url().replace("http://", "http://radar:s3cret@");
        CachedSchemaRegistryClient client = new CachedSchemaRegistryClient(url, Map.of(
                "basic.auth.credentials.source", "URL"));

        assertThat(client.getAllSubjects()).isEmpty();
    }

    @Test
    void shouldBeRefusedWithoutOrWithWrongCredentials() {
        CachedSchemaRegistryClient anonymous = new CachedSchemaRegistryClient(server.url());
        CachedSchemaRegistryClient wrong = new CachedSchemaRegistryClient(server.url(), Map.of(
                "basic.auth.credentials.source", "USER_INFO",
                "basic.auth.user.info", "radar:guess"));

        for (CachedSchemaRegistryClient client : new CachedSchemaRegistryClient[] {anonymous, wrong}) {
            assertThatThrownBy(client::getAllSubjects)
                    .isInstanceOfSatisfying(RestClientException.class, e -> {
                        assertThat(e.getStatus()).isEqualTo(401);
                        assertThat(e.getErrorCode()).isEqualTo(401);
                    });
        }
    }

    @Test
    void shouldRefuseAnIncompleteAuthConfiguration() {
        assertThatThrownBy(() -> new CachedSchemaRegistryClient(server.url(), Map.of(
                "basic.auth.credentials.source", "USER_INFO")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("basic.auth.user.info");
        assertThatThrownBy(() -> new CachedSchemaRegistryClient(server.url(), Map.of(
                "basic.auth.credentials.source", "SASL_INHERIT")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("USER_INFO");
    }
}
