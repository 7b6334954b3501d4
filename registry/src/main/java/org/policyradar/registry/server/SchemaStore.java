package org.policyradar.registry.server;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where the registry keeps its schemas and compatibility settings. Reads answer from memory; each write
 * is made durable first (for stores that have a durable medium) and then applied, so that a failed write
 * changes nothing. The registry calls the write methods from one thread at a time.
 */
public interface SchemaStore extends AutoCloseable {

    /** Every subject that has at least one stored version (soft-deleted ones included), sorted. */
    List<String> subjects();

    /** The stored versions of a subject, soft-deleted ones included, by ascending version; empty if none. */
    List<SchemaVersion> versions(String subject);

    /** Every stored version, under any subject, whose schema has this id. */
    List<SchemaVersion> versionsWithId(int id);

    /** The canonical schema text with this id, while any stored version (even soft-deleted) uses it. */
    Optional<String> schemaById(int id);

    /** The id of a canonical schema text, if a stored version uses it. */
    OptionalInt idOf(String canonicalSchema);

    /** The highest id this store has seen; ids are never handed out twice while it runs. 0 when empty. */
    int maxId();

    /** The compatibility level set for a subject, or the global one when {@code subject} is null. */
    Optional<CompatibilityLevel> compatibility(String subject);

    /** Adds a version, or replaces the one with the same subject and version (to soft-delete it). */
    void put(SchemaVersion version);

    /** Permanently removes one version of a subject; nothing happens if it is absent. */
    void remove(String subject, int version);

    /**
     * Sets the compatibility level of a subject (the global one when {@code subject} is null);
     * a null {@code level} removes the setting.
     */
    void putCompatibility(String subject, CompatibilityLevel level);

    @Override
    void close();
}
