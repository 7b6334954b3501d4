package org.policyradar.registry.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.policyradar.registry.testing.RegistryHttp;
import org.policyradar.registry.testing.RegistryHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyradar.registry.testing.TestData.field;
import static org.policyradar.registry.testing.TestData.pingSchema;

/** Soft and permanent deletion of subjects and versions, with Confluent's error codes. */
class DeleteEndpointTest {

    private static final String V1 = pingSchema(field("a", "string"));
    private static final String V2 = pingSchema(field("a", "string"), field("b", "string", "\"x\""));

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
    void shouldSoftDeleteASubjectAndKeepServingItsSchemasById() {
        int id = http.register("s", V1);
        http.register("s", V2);

        Response delete = http.delete("/subjects/s");

        assertThat(delete.status()).isEqualTo(200);
        assertThat(delete.json().toString()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects").json().toString()).isEqualTo("[]");
        assertThat(http.get("/subjects?deleted=true").json().toString()).isEqualTo("[\"s\"]");
        assertThat(http.get("/subjects/s/versions").errorCode()).isEqualTo(40401);
        assertThat(http.get("/subjects/s/versions?deleted=true").json().toString()).isEqualTo("[1,2]");
        assertThat(http.get("/subjects/s/versions/1?deleted=true").json().get("id").asInt()).isEqualTo(id);
        // data written before the deletion stays readable
        assertThat(http.get("/schemas/ids/" + id).status()).isEqualTo(200);
    }

    @Test
    void shouldAnswer40404WhenSoftDeletingASoftDeletedSubject() {
        http.register("s", V1);
        http.delete("/subjects/s");

        Response again = http.delete("/subjects/s");

        assertThat(again.status()).isEqualTo(404);
        assertThat(again.errorCode()).isEqualTo(40404);
    }

    @Test
    void shouldAnswer40405WhenPermanentlyDeletingALiveSubject() {
        http.register("s", V1);

        Response response = http.delete("/subjects/s?permanent=true");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo(40405);
        assertThat(http.get("/subjects").json().toString()).isEqualTo("[\"s\"]");
    }

    @Test
    void shouldPermanentlyDeleteASoftDeletedSubject() {
        int id = http.register("s", V1);
        http.delete("/subjects/s");

        Response response = http.delete("/subjects/s?permanent=true");

        assertThat(response.json().toString()).isEqualTo("[1]");
        assertThat(http.get("/subjects?deleted=true").json().toString()).isEqualTo("[]");
        assertThat(http.get("/schemas/ids/" + id).errorCode()).isEqualTo(40403);
        assertThat(http.delete("/subjects/s").errorCode()).isEqualTo(40401);
    }

    @Test
    void shouldKeepAnIdThatAnotherSubjectStillUses() {
        int id = http.register("s", V1);
        http.register("t", V1);
        http.delete("/subjects/s");
        http.delete("/subjects/s?permanent=true");

        assertThat(http.get("/schemas/ids/" + id).status()).isEqualTo(200);
    }

    @Test
    void shouldSoftDeleteAVersion() {
        http.register("s", V1);
        http.register("s", V2);

        Response delete = http.delete("/subjects/s/versions/1");

        assertThat(delete.status()).isEqualTo(200);
        assertThat(delete.json().asInt()).isEqualTo(1);
        assertThat(http.get("/subjects/s/versions").json().toString()).isEqualTo("[2]");
        assertThat(http.get("/subjects/s/versions/1").errorCode()).isEqualTo(40402);
        assertThat(http.get("/subjects/s/versions/1?deleted=true").status()).isEqualTo(200);
        assertThat(http.post("/subjects/s", RegistryHttp.schemaBody(V1)).errorCode()).isEqualTo(40403);
        assertThat(http.post("/subjects/s?deleted=true", RegistryHttp.schemaBody(V1)).status()).isEqualTo(200);
    }

    @Test
    void shouldSoftDeleteTheLatestVersion() {
        http.register("s", V1);
        http.register("s", V2);

        assertThat(http.delete("/subjects/s/versions/latest").json().asInt()).isEqualTo(2);
        assertThat(http.get("/subjects/s/versions/latest").json().get("version").asInt()).isEqualTo(1);
    }

    @Test
    void shouldAnswer40406WhenSoftDeletingASoftDeletedVersion() {
        http.register("s", V1);
        http.delete("/subjects/s/versions/1");

        Response again = http.delete("/subjects/s/versions/1");

        assertThat(again.status()).isEqualTo(404);
        assertThat(again.errorCode()).isEqualTo(40406);
    }

    @Test
    void shouldAnswer40407WhenPermanentlyDeletingALiveVersion() {
        http.register("s", V1);

        Response response = http.delete("/subjects/s/versions/1?permanent=true");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.errorCode()).isEqualTo(40407);
        assertThat(http.get("/subjects/s/versions/1").status()).isEqualTo(200);
    }

    @Test
    void shouldPermanentlyDeleteASoftDeletedVersion() {
        http.register("s", V1);
        http.register("s", V2);
        http.delete("/subjects/s/versions/1");

        Response response = http.delete("/subjects/s/versions/1?permanent=true");

        assertThat(response.json().asInt()).isEqualTo(1);
        assertThat(http.get("/subjects/s/versions?deleted=true").json().toString()).isEqualTo("[2]");
    }

    @Test
    void shouldAnswerNotFoundCodesWhenDeletingWhatDoesNotExist() {
        assertThat(http.delete("/subjects/none").errorCode()).isEqualTo(40401);
        assertThat(http.delete("/subjects/none/versions/1").errorCode()).isEqualTo(40401);
        http.register("s", V1);
        assertThat(http.delete("/subjects/s/versions/5").errorCode()).isEqualTo(40402);
        assertThat(http.delete("/subjects/s/versions/nope").errorCode()).isEqualTo(42202);
    }

    @Test
    void shouldGiveAReRegisteredSchemaANewVersionAndItsOldId() {
        int id = http.register("s", V1);
        http.delete("/subjects/s");

        int again = http.register("s", V1);

        assertThat(again).isEqualTo(id);
        assertThat(http.get("/subjects/s/versions").json().toString()).isEqualTo("[2]");
    }
}
