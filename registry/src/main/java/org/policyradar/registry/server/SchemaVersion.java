package org.policyradar.registry.server;

import java.util.Objects;

/**
 * One version of a subject as the registry stores it.
 *
 * @param subject the subject name
 * @param version the version within the subject, from 1
 * @param id      the registry-wide schema id; the same schema text has the same id under every subject
 * @param schema  the schema in its canonical text (Avro's {@code Schema.toString()} of the parsed schema)
 * @param deleted whether the version was soft-deleted
 */
public record SchemaVersion(String subject, int version, int id, String schema, boolean deleted) {

    public SchemaVersion {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(schema, "schema");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1, was " + version);
        }
        if (id < 1) {
            throw new IllegalArgumentException("id must be >= 1, was " + id);
        }
    }

    /** The same version, marked soft-deleted. */
    public SchemaVersion asDeleted() {
        return new SchemaVersion(subject, version, id, schema, true);
    }
}
