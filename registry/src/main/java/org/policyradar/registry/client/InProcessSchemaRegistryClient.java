package org.policyradar.registry.client;

import org.apache.avro.Schema;
import org.policyradar.registry.server.InMemorySchemaStore;
import org.policyradar.registry.server.RegistryException;
import org.policyradar.registry.server.SchemaRegistryService;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/**
 * A client of a registry that lives in this JVM, in memory, without HTTP: what {@code mock://scope} URLs
 * resolve to (see {@link SchemaRegistryClients}), for tests such as those on Kafka Streams'
 * TopologyTestDriver. It applies the same rules and answers the same error codes as the HTTP registry.
 */
public final class InProcessSchemaRegistryClient implements SchemaRegistryClient {

    private final SchemaRegistryService registry;

    /** A client of a new, empty in-memory registry. */
    public InProcessSchemaRegistryClient() {
        this(new SchemaRegistryService(new InMemorySchemaStore()));
    }

    /** A client of an existing registry. */
    public InProcessSchemaRegistryClient(SchemaRegistryService registry) {
        this.registry = registry;
    }

    @Override
    public int register(String subject, Schema schema) throws RestClientException {
        return call(() -> registry.register(subject, schema.toString(), SchemaRegistryService.AVRO));
    }

    @Override
    public Schema getSchemaById(int id) throws RestClientException {
        return new Schema.Parser().parse(call(() -> registry.schemaById(id)));
    }

    @Override
    public int getId(String subject, Schema schema) throws RestClientException {
        return call(() -> registry.lookup(subject, schema.toString(), SchemaRegistryService.AVRO, false).id());
    }

    @Override
    public SchemaMetadata getLatestSchemaMetadata(String subject) throws RestClientException {
        return metadata(call(() -> registry.version(subject, "latest", false)));
    }

    @Override
    public SchemaMetadata getSchemaMetadata(String subject, int version) throws RestClientException {
        return metadata(call(() -> registry.version(subject, Integer.toString(version), false)));
    }

    @Override
    public boolean testCompatibility(String subject, Schema schema) throws RestClientException {
        return call(() -> registry.testCompatibility(subject, "latest", schema.toString(), SchemaRegistryService.AVRO)
                .compatible());
    }

    @Override
    public String getCompatibility(String subject) throws RestClientException {
        return call(() -> (subject == null
                ? registry.globalCompatibility()
                : registry.subjectCompatibility(subject, true)).name());
    }

    @Override
    public String updateCompatibility(String subject, String compatibility) throws RestClientException {
        return call(() -> registry.updateCompatibility(subject, compatibility).name());
    }

    @Override
    public Collection<String> getAllSubjects() throws RestClientException {
        return call(() -> registry.subjects(false));
    }

    @Override
    public List<Integer> getAllVersions(String subject) throws RestClientException {
        return call(() -> registry.versions(subject, false));
    }

    @Override
    public List<Integer> deleteSubject(String subject) throws RestClientException {
        return call(() -> registry.deleteSubject(subject, false));
    }

    private static SchemaMetadata metadata(SchemaRegistryService.SubjectSchema s) {
        return new SchemaMetadata(s.id(), s.version(), new Schema.Parser().parse(s.schema()));
    }

    private static <T> T call(Supplier<T> action) throws RestClientException {
        try {
            return action.get();
        } catch (RegistryException e) {
            throw new RestClientException(e.getMessage(), e.httpStatus(), e.errorCode());
        }
    }
}
