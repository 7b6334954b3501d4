package org.policyradar.registry.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The in-memory view both stores answer reads from: versions by subject, schema text by id and back, and
 * the compatibility settings. Thread-safe; every method holds the instance lock for a few map operations.
 */
final class SchemaIndex {

    private final TreeMap<String, TreeMap<Integer, SchemaVersion>> bySubject = new TreeMap<>();
    private final Map<Integer, String> schemaById = new HashMap<>();
    private final Map<String, Integer> idBySchema = new HashMap<>();
    /** How many stored versions use each id, so that an id is forgotten with its last version. */
    private final Map<Integer, Integer> usesOfId = new HashMap<>();
    private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
    private CompatibilityLevel globalLevel;
    private int maxId;

    synchronized List<String> subjects() {
        return List.copyOf(bySubject.keySet());
    }

    synchronized List<SchemaVersion> versions(String subject) {
        TreeMap<Integer, SchemaVersion> versions = bySubject.get(subject);
        return versions == null ? List.of() : List.copyOf(versions.values());
    }

    synchronized List<SchemaVersion> versionsWithId(int id) {
        List<SchemaVersion> found = new ArrayList<>();
        for (TreeMap<Integer, SchemaVersion> versions : bySubject.values()) {
            for (SchemaVersion v : versions.values()) {
                if (v.id() == id) {
                    found.add(v);
                }
            }
        }
        return found;
    }

    synchronized Optional<String> schemaById(int id) {
        return Optional.ofNullable(schemaById.get(id));
    }

    synchronized OptionalInt idOf(String canonicalSchema) {
        Integer id = idBySchema.get(canonicalSchema);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    synchronized int maxId() {
        return maxId;
    }

    synchronized Optional<CompatibilityLevel> compatibility(String subject) {
        return Optional.ofNullable(subject == null ? globalLevel : subjectLevels.get(subject));
    }

    synchronized void put(SchemaVersion version) {
        SchemaVersion previous = bySubject.computeIfAbsent(version.subject(), s -> new TreeMap<>())
                .put(version.version(), version);
        if (previous != null) {
            release(previous.id());
        }
        usesOfId.merge(version.id(), 1, Integer::sum);
        schemaById.putIfAbsent(version.id(), version.schema());
        idBySchema.putIfAbsent(version.schema(), version.id());
        maxId = Math.max(maxId, version.id());
    }

    synchronized void remove(String subject, int version) {
        TreeMap<Integer, SchemaVersion> versions = bySubject.get(subject);
        if (versions == null) {
            return;
        }
        SchemaVersion removed = versions.remove(version);
        if (versions.isEmpty()) {
            bySubject.remove(subject);
        }
        if (removed != null) {
            release(removed.id());
        }
    }

    synchronized void putCompatibility(String subject, CompatibilityLevel level) {
        if (subject == null) {
            globalLevel = level;
        } else if (level == null) {
            subjectLevels.remove(subject);
        } else {
            subjectLevels.put(subject, level);
        }
    }

    private void release(int id) {
        int left = usesOfId.merge(id, -1, Integer::sum);
        if (left <= 0) {
            usesOfId.remove(id);
            String schema = schemaById.remove(id);
            if (schema != null) {
                idBySchema.remove(schema, id);
            }
        }
    }
}
