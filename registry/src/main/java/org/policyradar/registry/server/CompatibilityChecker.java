package org.policyradar.registry.server;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a candidate schema may follow earlier versions under a compatibility level, using Avro's
 * own reader/writer resolution rules ({@link SchemaCompatibility}).
 */
final class CompatibilityChecker {

    /** An earlier version to check against. */
    record Earlier(int version, Schema schema) {
    }

    private CompatibilityChecker() {
    }

    /**
     * Checks the candidate against the earlier versions the level asks for: the latest only, or all when the
     * level is transitive.
     *
     * @param earlier the live earlier versions, oldest first
     * @return the reasons the candidate is incompatible, in Confluent's message style; empty when compatible
     */
    static List<String> check(Schema candidate, List<Earlier> earlier, CompatibilityLevel level) {
        if (level == CompatibilityLevel.NONE || earlier.isEmpty()) {
            return List.of();
        }
        List<Earlier> against = level.transitive() ? earlier : List.of(earlier.get(earlier.size() - 1));
        List<String> messages = new ArrayList<>();
        // newest first, so that the first message concerns the version most likely to matter
        for (int i = against.size() - 1; i >= 0; i--) {
            Earlier old = against.get(i);
            List<String> problems = new ArrayList<>();
            if (level.backward()) {
                problems.addAll(describe(SchemaCompatibility.checkReaderWriterCompatibility(candidate, old.schema()),
                        "the new schema cannot read data written with version " + old.version()));
            }
            if (level.forward()) {
                problems.addAll(describe(SchemaCompatibility.checkReaderWriterCompatibility(old.schema(), candidate),
                        "version " + old.version() + " cannot read data written with the new schema"));
            }
            if (!problems.isEmpty()) {
                messages.addAll(problems);
                messages.add("{oldSchemaVersion: " + old.version() + "}");
                messages.add("{oldSchema: '" + old.schema() + "'}");
                messages.add("{compatibility: '" + level.name() + "'}");
            }
        }
        return messages;
    }

    private static List<String> describe(SchemaPairCompatibility result, String direction) {
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        List<String> messages = new ArrayList<>();
        for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
            messages.add("{errorType:'" + incompatibility.getType() + "', description:'" + direction + ": "
                    + incompatibility.getMessage() + "', location:'" + incompatibility.getLocation() + "'}");
        }
        return messages;
    }
}
