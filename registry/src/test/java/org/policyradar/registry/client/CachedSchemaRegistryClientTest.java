package org.policyradar.registry.client;

import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policyradar.avro.NewsItem;
import org.policyradar.registry.server.InMemorySchemaStore;
import org.policyradar.registry.server.SchemaRegistryServer;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.policyradar.registry.testing.TestData.field;
import static org.policyradar.registry.testing.TestData.pingSchema;

/** The HTTP client against a real registry: every call, its caches, and the registry's refusals. */
class CachedSchemaRegistryClientTest {

    private static final Schema PING_V1 = new Schema.Parser().parse(pingSchema(field("a", "string")));
    private static final Schema PING_V2 = new Schema.Parser().parse(
            pingSchema(field("a", "string"), field("b", "string", "\"x\"")));
    private static final Schema PING_INCOMPATIBLE = new Schema.Parser().parse(pingSchema(field("a", "int")));

    private SchemaRegistryServer server;
    private CachedSchemaRegistryClient client;

    @BeforeEach
    void start() throws Exception {
        server = SchemaRegistryServer.start("127.0.0.1", 0, new InMemorySchemaStore());
        client = new CachedSchemaRegistryClient(server.url(), Map.of(SchemaRegistryClientConfig.MAX_RETRIES, 0));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void shouldRegisterAndFetchASchemaById() throws Exception {
        int id = client.register("news.items.v1-value", NewsItem.getClassSchema());

        Schema fetched = new CachedSchemaRegistryClient(server.url()).getSchemaById(id);

        assertThat(fetched).isEqualTo(NewsItem.getClassSchema());
    }

    @Test
    void shouldLookUpTheIdOfARegisteredSchema() throws Exception {
        int id = client.register("s", PING_V1);

        int looked = new CachedSchemaRegistryClient(server.url()).getId("s", PING_V1);

        assertThat(looked).isEqualTo(id);
    }

    @Test
    void shouldAnswerTheLatestVersionAndAGivenOne() throws Exception {
        int id1 = client.register("s", PING_V1);
        int id2 = client.register("s", PING_V2);

        SchemaMetadata latest = client.getLatestSchemaMetadata("s");
        SchemaMetadata first = client.getSchemaMetadata("s", 1);

        assertThat(latest).isEqualTo(new SchemaMetadata(id2, 2, PING_V2));
        assertThat(first).isEqualTo(new SchemaMetadata(id1, 1, PING_V1));
        assertThat(client.getAllVersions("s")).containsExactly(1, 2);
    }

    @Test
    void shouldTestCompatibilityWithTheLatestVersion() throws Exception {
        client.register("s", PING_V1);

        assertThat(client.testCompatibility("s", PING_V2)).isTrue();
        assertThat(client.testCompatibility("s", PING_INCOMPATIBLE)).isFalse();
        assertThat(client.testCompatibility("new-subject", PING_INCOMPATIBLE)).isTrue();
    }

    @Test
    void shouldReadAndUpdateCompatibilityLevels() throws Exception {
        assertThat(client.getCompatibility(null)).isEqualTo("BACKWARD");
        assertThat(client.getCompatibility("s")).isEqualTo("BACKWARD");

        assertThat(client.updateCompatibility(null, "FORWARD")).isEqualTo("FORWARD");
        assertThat(client.updateCompatibility("s", "full")).isEqualTo("FULL");

        assertThat(client.getCompatibility(null)).isEqualTo("FORWARD");
        assertThat(client.getCompatibility("s")).isEqualTo("FULL");
        assertThat(client.getCompatibility("other")).isEqualTo("FORWARD");
    }

    @Test
    void shouldListAndDeleteSubjects() throws Exception {
        client.register("b", PING_V1);
        client.register("a", PING_V1);

        assertThat(client.getAllSubjects()).containsExactly("a", "b");
        assertThat(client.deleteSubject("a")).containsExactly(1);
        assertThat(client.getAllSubjects()).containsExactly("b");
    }

    @Test
    void shouldEncodeSubjectsWithReservedCharacters() throws Exception {
        int id = client.register("odd/subject name+1", PING_V1);

        assertThat(client.getAllSubjects()).containsExactly("odd/subject name+1");
        assertThat(client.getLatestSchemaMetadata("odd/subject name+1").id()).isEqualTo(id);
    }

    @Test
    void shouldKeepAnsweringFromItsCachesWhenTheRegistryIsGone() throws Exception {
        int id = client.register("s", PING_V1);
        client.getSchemaById(id);
        server.close();

        assertThat(client.getSchemaById(id)).isEqualTo(PING_V1);
        assertThat(client.getId("s", PING_V1)).isEqualTo(id);
        assertThat(client.register("s", PING_V1)).isEqualTo(id);
    }

    @Test
    void shouldCarryTheStatusAndErrorCodeOfARefusal() throws Exception {
        client.register("s", PING_V1);

        assertRefused(() -> client.getSchemaById(99), 404, 40403);
        assertRefused(() -> client.getLatestSchemaMetadata("missing"), 404, 40401);
        assertRefused(() -> client.getSchemaMetadata("s", 7), 404, 40402);
        assertRefused(() -> client.getId("missing", PING_V1), 404, 40401);
        assertRefused(() -> client.getId("s", PING_V2), 404, 40403);
        assertRefused(() -> client.register("s", PING_INCOMPATIBLE), 409, 409);
        assertRefused(() -> client.updateCompatibility("s", "SIDEWAYS"), 422, 42203);
        assertRefused(() -> client.deleteSubject("missing"), 404, 40401);
    }

    @Test
    void shouldNameTheErrorCodeInTheMessage() {
        assertThatThrownBy(() -> client.getSchemaById(99))
                .isInstanceOf(RestClientException.class)
                .hasMessage("Schema 99 not found; error code: 40403");
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void assertRefused(Call call, int status, int errorCode) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(RestClientException.class, e -> {
                    assertThat(e.getStatus()).isEqualTo(status);
                    assertThat(e.getErrorCode()).isEqualTo(errorCode);
                });
    }
}
