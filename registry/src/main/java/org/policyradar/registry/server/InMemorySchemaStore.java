package org.policyradar.registry.server;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** A store that keeps everything in memory: for tests and throw-away registries. Lost when the JVM exits. */
public final class InMemorySchemaStore implements SchemaStore {

    private final SchemaIndex index = new SchemaIndex();

    public InMemorySchemaStore() {
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

    @Override
    public void put(SchemaVersion version) {
        index.put(version);
    }

    @Override
    public void remove(String subject, int version) {
        index.remove(subject, version);
    }

    @Override
    public void putCompatibility(String subject, CompatibilityLevel level) {
        index.putCompatibility(subject, level);
    }

    @Override
    public void close() {
        // nothing to release
    }
}
