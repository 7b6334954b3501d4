package org.policyradar.registry.client;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.policyradar.registry.testing.TestData.field;
import static org.policyradar.registry.testing.TestData.pingSchema;

/** The in-process client applies the registry's rules and answers its error codes. */
class InProcessSchemaRegistryClientTest {

    private static final Schema V1 = new Schema.Parser().parse(pingSchema(field("a", "string")));
    private static final Schema V2 = new Schema.Parser().parse(pingSchema(field("a", "string"), field("b", "int", "0")));
    private static final Schema INCOMPATIBLE = new Schema.Parser().parse(pingSchema(field("a", "int")));

    private final InProcessSchemaRegistryClient client = new InProcessSchemaRegistryClient();

    @Test
    void shouldRegisterLookUpAndFetch() throws Exception {
        int id = client.register("s", V1);
        int id2 = client.register("s", V2);

        assertThat(client.register("s", V1)).isEqualTo(id);
        assertThat(client.getId("s", V1)).isEqualTo(id);
        assertThat(client.getSchemaById(id2)).isEqualTo(V2);
        assertThat(client.getLatestSchemaMetadata("s")).isEqualTo(new SchemaMetadata(id2, 2, V2));
        assertThat(client.getSchemaMetadata("s", 1)).isEqualTo(new SchemaMetadata(id, 1, V1));
        assertThat(client.getAllVersions("s")).containsExactly(1, 2);
        assertThat(client.getAllSubjects()).containsExactly("s");
    }

    @Test
    void shouldEnforceCompatibilityAndAnswerErrorCodes() throws Exception {
        client.register("s", V1);

        assertThat(client.testCompatibility("s", INCOMPATIBLE)).isFalse();
        assertThatThrownBy(() -> client.register("s", INCOMPATIBLE))
                .isInstanceOfSatisfying(RestClientException.class, e -> {
                    assertThat(e.getStatus()).isEqualTo(409);
                    assertThat(e.getErrorCode()).isEqualTo(409);
                });
        assertThat(client.updateCompatibility("s", "NONE")).isEqualTo("NONE");
        assertThat(client.getCompatibility("s")).isEqualTo("NONE");
        assertThat(client.getCompatibility(null)).isEqualTo("BACKWARD");
        assertThat(client.register("s", INCOMPATIBLE)).isPositive();
        assertThatThrownBy(() -> client.getLatestSchemaMetadata("missing"))
                .isInstanceOfSatisfying(RestClientException.class, e -> assertThat(e.getErrorCode()).isEqualTo(40401));
        assertThat(client.deleteSubject("s")).containsExactly(1, 2);
    }
}
