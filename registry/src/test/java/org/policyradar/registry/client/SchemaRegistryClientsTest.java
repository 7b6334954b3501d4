package org.policyradar.registry.client;

import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One shared client per registry URL and credentials; mock:// scopes are in-process registries. */
class SchemaRegistryClientsTest {

    @Test
    void shouldShareOneClientPerUrlAndCredentials() {
        Map<String, Object> config = Map.of("schema.registry.url", "http://registry.test:8081",
                "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "a:b",
                "auto.register.schemas", false);
        Map<String, Object> sameRegistry = Map.of("schema.registry.url", "http://registry.test:8081",
                "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "a:b");
        Map<String, Object> otherUser = Map.of("schema.registry.url", "http://registry.test:8081",
                "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "c:d");
        Map<String, Object> otherUrl = Map.of("schema.registry.url", "http://elsewhere.test:8081",
                "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "a:b");

        SchemaRegistryClient client = SchemaRegistryClients.fromConfig(config);

        assertThat(client).isInstanceOf(CachedSchemaRegistryClient.class);
        assertThat(SchemaRegistryClients.fromConfig(sameRegistry)).isSameAs(client);
        assertThat(SchemaRegistryClients.fromConfig(otherUser)).isNotSameAs(client);
        assertThat(SchemaRegistryClients.fromConfig(otherUrl)).isNotSameAs(client);
    }

    @Test
    void shouldGiveOneInProcessRegistryPerMockScope() throws Exception {
        Schema schema = Schema.create(Schema.Type.STRING);
        SchemaRegistryClient first = SchemaRegistryClients.fromConfig(Map.of("schema.registry.url", "mock://clients-test"));
        int id = first.register("s", schema);

        SchemaRegistryClient again = SchemaRegistryClients.fromConfig(Map.of("schema.registry.url", "mock://clients-test"));
        SchemaRegistryClient other = SchemaRegistryClients.fromConfig(Map.of("schema.registry.url", "mock://another"));

        assertThat(again.getSchemaById(id)).isEqualTo(schema);
        assertThatThrownBy(() -> other.getSchemaById(id))
                .isInstanceOfSatisfying(RestClientException.class, e -> assertThat(e.getErrorCode()).isEqualTo(40403));

        SchemaRegistryClients.dropMockScope("clients-test");
        SchemaRegistryClient fresh = SchemaRegistryClients.fromConfig(Map.of("schema.registry.url", "mock://clients-test"));
        assertThat(fresh.getAllSubjects()).isEmpty();
        SchemaRegistryClients.dropMockScope("another");
    }

    @Test
    void shouldRequireAUrl() {
        assertThatThrownBy(() -> SchemaRegistryClients.fromConfig(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("schema.registry.url");
    }

    @Test
    void shouldRefuseAUrlThatIsNotHttp() {
        assertThatThrownBy(() -> SchemaRegistryClients.fromConfig(Map.of("schema.registry.url", "ftp://x")))
                .isInstanceOf(ConfigException.class);
    }
}
