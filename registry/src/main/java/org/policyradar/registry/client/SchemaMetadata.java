package org.policyradar.registry.client;

import org.apache.avro.Schema;

import java.util.Objects;

/**
 * A version of a subject.
 *
 * @param id      the registry-wide schema id
 * @param version the version within the subject
 * @param schema  the schema
 */
public record SchemaMetadata(int id, int version, Schema schema) {

    public SchemaMetadata {
        Objects.requireNonNull(schema, "schema");
    }
}
