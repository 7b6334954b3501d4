package org.policyradar.registry.server;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.policyradar.registry.testing.RegistryHttp;
import org.policyradar.registry.testing.RegistryHttp.Response;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyradar.registry.testing.TestData.field;
import static org.policyradar.registry.testing.TestData.pingSchema;

/** A store that cannot write makes the registry answer 50001 (failed) or 50002 (timed out), changing nothing. */
class StoreErrorsTest {

    /** An in-memory store whose writes fail, as a Kafka store does when the broker is gone. */
    private static final class FailingStore implements SchemaStore {
        private final InMemorySchemaStore delegate = new InMemorySchemaStore();
        private final boolean timeout;
        private final Exception cause;

        FailingStore(boolean timeout) {
            this(timeout, null);
        }

        FailingStore(boolean timeout, Exception cause) {
            this.timeout = timeout;
            this.cause = cause;
        }

        private void fail() {
            throw new SchemaStoreException(cause == null ? "broker unavailable" : cause.getMessage(), cause, timeout);
        }

        @Override
        public List<String> subjects() {
            return delegate.subjects();
        }

        @Override
        public List<SchemaVersion> versions(String subject) {
            return delegate.versions(subject);
        }

        @Override
        public List<SchemaVersion> versionsWithId(int id) {
            return delegate.versionsWithId(id);
        }

        @Override
        public Optional<String> schemaById(int id) {
            return delegate.schemaById(id);
        }

        @Override
        public OptionalInt idOf(String canonicalSchema) {
            return delegate.idOf(canonicalSchema);
        }

        @Override
        public int maxId() {
            return delegate.maxId();
        }

        @Override
        public Optional<CompatibilityLevel> compatibility(String subject) {
            return delegate.compatibility(subject);
        }

        @Override
        public void put(SchemaVersion version) {
            fail();
        }

        @Override
        public void remove(String subject, int version) {
            fail();
        }

        @Override
        public void putCompatibility(String subject, CompatibilityLevel level) {
            fail();
        }

        @Override
        public void close() {
        }
    }

    private SchemaRegistryServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    private RegistryHttp start(boolean timeout) throws IOException {
        server = SchemaRegistryServer.start("127.0.0.1", 0, new FailingStore(timeout));
        return new RegistryHttp(server.url());
    }

    @Test
    void shouldAnswer50001WhenTheStoreCannotWrite() throws IOException {
        RegistryHttp http = start(false);

        Response register = http.post("/subjects/s/versions", RegistryHttp.schemaBody(pingSchema(field("a", "int"))));
        Response config = http.put("/config", "{\"compatibility\": \"NONE\"}");

        assertThat(register.status()).isEqualTo(500);
        assertThat(register.errorCode()).isEqualTo(50001);
        assertThat(register.json().get("message").asText()).contains("broker unavailable");
        assertThat(config.errorCode()).isEqualTo(50001);
        assertThat(http.get("/subjects").json().toString()).isEqualTo("[]");
        assertThat(http.get("/config").json().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    }

    @Test
    void shouldAnswer50002WhenTheStoreTimesOut() throws IOException {
        RegistryHttp http = start(true);

        Response register = http.post("/subjects/s/versions", RegistryHttp.schemaBody(pingSchema(field("a", "int"))));

        assertThat(register.status()).isEqualTo(500);
        assertThat(register.errorCode()).isEqualTo(50002);
    }

    @Test
    void shouldAnswer42209WhenTheBrokerRefusesTheSchemasRecordForItsSize() throws IOException {
        server = SchemaRegistryServer.start("127.0.0.1", 0, new FailingStore(false,
                new org.apache.kafka.common.errors.RecordTooLargeException("The message is 1100000 bytes when "
                        + "serialized which is larger than 1048576")));
        RegistryHttp http = new RegistryHttp(server.url());

        Response register = http.post("/subjects/s/versions", RegistryHttp.schemaBody(pingSchema(field("a", "int"))));

        assertThat(register.status()).isEqualTo(422);
        assertThat(register.errorCode()).isEqualTo(RegistryException.SCHEMA_TOO_LARGE);
        assertThat(register.json().get("message").asText())
                .startsWith("Schema too large for the schema store: The message is 1100000 bytes");
    }
}
