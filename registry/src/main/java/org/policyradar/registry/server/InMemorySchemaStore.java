package org.policyradar.registry.server;

/** A store that keeps everything in memory: for tests and throw-away registries. Lost when the JVM exits. */
public final class InMemorySchemaStore extends IndexedSchemaStore {

    public InMemorySchemaStore() {
        super(new SchemaIndex());
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
