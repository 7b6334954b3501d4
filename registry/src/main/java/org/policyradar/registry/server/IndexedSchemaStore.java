package org.policyradar.registry.server;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A store that answers every read from an in-memory {@link SchemaIndex}; subclasses decide how a write reaches
 * the index (directly, or through a durable log first).
 */
abstract class IndexedSchemaStore implements SchemaStore {

    protected final SchemaIndex index;

    protected IndexedSchemaStore(SchemaIndex index) {
        this.index = index;
    }

    @Override
    public List<String> subjects() {
        return index.subjects();
    }

    @Override
    public List<SchemaVersion> versions(String subject) {
        return index.versions(subject);
    }

    @Override
    public List<SchemaVersion> versionsWithId(int id) {
        return index.versionsWithId(id);
    }

    @Override
    public Optional<String> schemaById(int id) {
        return index.schemaById(id);
    }

    @Override
    public OptionalInt idOf(String canonicalSchema) {
        return index.idOf(canonicalSchema);
    }

    @Override
    public int maxId() {
        return index.maxId();
    }

    @Override
    public Optional<CompatibilityLevel> compatibility(String subject) {
        return index.compatibility(subject);
    }
}
