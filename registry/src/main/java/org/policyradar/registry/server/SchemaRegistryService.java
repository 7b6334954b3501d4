package org.policyradar.registry.server;

import org.apache.avro.Schema;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The registry's rules, independent of HTTP: ids, versions, compatibility enforcement, soft and permanent
 * deletion, as Confluent's Schema Registry applies them. Refusals are {@link RegistryException}s carrying the
 * Confluent error code. Changes are serialised by one lock, so that an id or a version is handed out once.
 */
public final class SchemaRegistryService {

    /** The only schema type this registry supports. */
    public static final String AVRO = "AVRO";

    /** A version of a subject, as the version and lookup endpoints answer it. */
    public record SubjectSchema(String subject, int version, int id, String schema) {
    }

    /** A subject and version that use a schema id. */
    public record SubjectVersion(String subject, int version) {
    }

    /** The answer of a compatibility test: the reasons are empty when compatible. */
    public record CompatibilityResult(boolean compatible, List<String> messages) {
    }

    private static final int LATEST = -1;

    private final SchemaStore store;
    private final int maxSchemaBytes;
    private final ReentrantLock writeLock = new ReentrantLock();

    /** A service refusing schemas over {@link RegistryLimits#DEFAULTS}' size limit. */
    public SchemaRegistryService(SchemaStore store) {
        this(store, RegistryLimits.DEFAULTS.maxSchemaBytes());
    }

    /** A service refusing, with 42209, schemas whose text is over {@code maxSchemaBytes} in UTF-8. */
    public SchemaRegistryService(SchemaStore store, int maxSchemaBytes) {
        this.store = store;
        this.maxSchemaBytes = maxSchemaBytes;
    }

    /**
     * Registers a schema under a subject and answers its id: the existing id when the same schema is already
     * registered anywhere, and the existing version when it is a live version of this subject (idempotent).
     */
    public int register(String subject, String schemaText, String schemaType) {
        Schema schema = parse(schemaText, schemaType);
        String canonical = schema.toString();
        return locked(() -> {
            List<SchemaVersion> versions = store.versions(subject);
            for (SchemaVersion v : versions) {
                if (!v.deleted() && v.schema().equals(canonical)) {
                    return v.id();
                }
            }
            List<String> problems = CompatibilityChecker.check(schema, earlier(live(versions)), level(subject));
            if (!problems.isEmpty()) {
                throw new RegistryException(409, RegistryException.INCOMPATIBLE_SCHEMA,
                        "Schema being registered is incompatible with an earlier schema for subject \"" + subject
                                + "\", details: " + problems);
            }
            int id = store.idOf(canonical).orElseGet(() -> store.maxId() + 1);
            int version = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version() + 1;
            write(() -> store.put(new SchemaVersion(subject, version, id, canonical, false)));
            return id;
        });
    }

    /** Finds the version of a subject that holds this schema. */
    public SubjectSchema lookup(String subject, String schemaText, String schemaType, boolean includeDeleted) {
        String canonical = parse(schemaText, schemaType).toString();
        List<SchemaVersion> versions = visible(store.versions(subject), includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        for (int i = versions.size() - 1; i >= 0; i--) {
            SchemaVersion v = versions.get(i);
            if (v.schema().equals(canonical)) {
                return answer(v);
            }
        }
        throw RegistryException.schemaNotFound();
    }

    /** The schema text of an id. */
    public String schemaById(int id) {
        return store.schemaById(id).orElseThrow(() -> RegistryException.schemaNotFound(id));
    }

    /** The subjects and versions that use an id. */
    public List<SubjectVersion> subjectVersionsOfId(int id, boolean includeDeleted) {
        if (store.schemaById(id).isEmpty()) {
            throw RegistryException.schemaNotFound(id);
        }
        return store.versionsWithId(id).stream()
                .filter(v -> includeDeleted || !v.deleted())
                .map(v -> new SubjectVersion(v.subject(), v.version()))
                .toList();
    }

    /** The subjects, sorted; with {@code includeDeleted} also those whose versions are all soft-deleted. */
    public List<String> subjects(boolean includeDeleted) {
        return store.subjects().stream()
                .filter(s -> includeDeleted || !live(store.versions(s)).isEmpty())
                .toList();
    }

    /** The version numbers of a subject. */
    public List<Integer> versions(String subject, boolean includeDeleted) {
        List<SchemaVersion> versions = visible(store.versions(subject), includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return versions.stream().map(SchemaVersion::version).toList();
    }

    /** One version of a subject; {@code versionSpec} is a number or "latest". */
    public SubjectSchema version(String subject, String versionSpec, boolean includeDeleted) {
        int wanted = parseVersion(versionSpec);
        List<SchemaVersion> versions = visible(store.versions(subject), includeDeleted);
        if (versions.isEmpty()) {
            throw RegistryException.subjectNotFound(subject);
        }
        return answer(find(versions, wanted));
    }

    /**
     * Tests a schema against a version of a subject ({@code versionSpec} a number or "latest"), or, when
     * {@code versionSpec} is null, against the versions the subject's compatibility level names. A subject
     * without versions accepts anything when tested against "latest" or its level.
     */
    public CompatibilityResult testCompatibility(String subject, String versionSpec, String schemaText,
                                                 String schemaType) {
        Schema schema = parse(schemaText, schemaType);
        List<SchemaVersion> live = live(store.versions(subject));
        CompatibilityLevel level = level(subject);
        List<CompatibilityChecker.Earlier> against;
        if (versionSpec == null) {
            against = earlier(live);
        } else {
            int wanted = parseVersion(versionSpec);
            if (live.isEmpty()) {
                if (wanted == LATEST) {
                    return new CompatibilityResult(true, List.of());
                }
                throw RegistryException.subjectNotFound(subject);
            }
            against = earlier(List.of(find(live, wanted)));
        }
        List<String> problems = CompatibilityChecker.check(schema, against, level);
        return new CompatibilityResult(problems.isEmpty(), problems);
    }

    /** The global level (the default when never set). */
    public CompatibilityLevel globalCompatibility() {
        return store.compatibility(null).orElse(CompatibilityLevel.DEFAULT);
    }

    /** The level set on a subject; without one, the global level if {@code defaultToGlobal}, else 40408. */
    public CompatibilityLevel subjectCompatibility(String subject, boolean defaultToGlobal) {
        Optional<CompatibilityLevel> level = store.compatibility(subject);
        if (level.isPresent()) {
            return level.get();
        }
        if (defaultToGlobal) {
            return globalCompatibility();
        }
        throw new RegistryException(404, RegistryException.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
                "Subject '" + subject + "' does not have subject-level compatibility configured");
    }

    /** Sets the level of a subject, or the global one when {@code subject} is null. */
    public CompatibilityLevel updateCompatibility(String subject, String levelName) {
        CompatibilityLevel level = CompatibilityLevel.parse(levelName)
                .orElseThrow(() -> RegistryException.invalidCompatibilityLevel(levelName));
        return locked(() -> {
            write(() -> store.putCompatibility(subject, level));
            return level;
        });
    }

    /**
     * Removes the level of a subject (or resets the global one when {@code subject} is null) and answers the
     * level that was in force.
     */
    public CompatibilityLevel deleteCompatibility(String subject) {
        return locked(() -> {
            CompatibilityLevel previous = subject == null
                    ? globalCompatibility()
                    : subjectCompatibility(subject, false);
            write(() -> store.putCompatibility(subject, null));
            return previous;
        });
    }

    /**
     * Soft-deletes every live version of a subject, or, with {@code permanent}, removes a subject whose
     * versions were all soft-deleted first. Answers the versions deleted.
     */
    public List<Integer> deleteSubject(String subject, boolean permanent) {
        return locked(() -> {
            List<SchemaVersion> versions = store.versions(subject);
            if (versions.isEmpty()) {
                throw RegistryException.subjectNotFound(subject);
            }
            List<SchemaVersion> live = live(versions);
            List<Integer> deleted = new ArrayList<>();
            if (permanent) {
                if (!live.isEmpty()) {
                    throw new RegistryException(404, RegistryException.SUBJECT_NOT_SOFT_DELETED,
                            "Subject '" + subject + "' was not deleted first before being permanently deleted");
                }
                for (SchemaVersion v : versions) {
                    write(() -> store.remove(subject, v.version()));
                    deleted.add(v.version());
                }
                if (store.compatibility(subject).isPresent()) {
                    write(() -> store.putCompatibility(subject, null));
                }
            } else {
                if (live.isEmpty()) {
                    throw new RegistryException(404, RegistryException.SUBJECT_SOFT_DELETED,
                            "Subject '" + subject + "' was soft deleted.Set permanent=true to delete permanently");
                }
                for (SchemaVersion v : live) {
                    write(() -> store.put(v.asDeleted()));
                    deleted.add(v.version());
                }
            }
            return deleted;
        });
    }

    /**
     * Soft-deletes one version of a subject, or, with {@code permanent}, removes a version that was
     * soft-deleted first. Answers the version deleted.
     */
    public int deleteVersion(String subject, String versionSpec, boolean permanent) {
        int wanted = parseVersion(versionSpec);
        return locked(() -> {
            List<SchemaVersion> versions = store.versions(subject);
            if (versions.isEmpty()) {
                throw RegistryException.subjectNotFound(subject);
            }
            SchemaVersion target;
            if (permanent) {
                target = find(versions, wanted);
                if (!target.deleted()) {
                    throw new RegistryException(404, RegistryException.VERSION_NOT_SOFT_DELETED,
                            "Subject '" + subject + "' Version " + target.version()
                                    + " was not deleted first before being permanently deleted");
                }
                write(() -> store.remove(subject, target.version()));
            } else {
                List<SchemaVersion> live = live(versions);
                if (wanted == LATEST) {
                    if (live.isEmpty()) {
                        throw RegistryException.subjectNotFound(subject);
                    }
                    target = live.get(live.size() - 1);
                } else {
                    target = find(versions, wanted);
                    if (target.deleted()) {
                        throw new RegistryException(404, RegistryException.VERSION_SOFT_DELETED,
                                "Subject '" + subject + "' Version " + target.version()
                                        + " was soft deleted.Set permanent=true to delete permanently");
                    }
                }
                write(() -> store.put(target.asDeleted()));
            }
            return target.version();
        });
    }

    private CompatibilityLevel level(String subject) {
        return store.compatibility(subject).orElseGet(this::globalCompatibility);
    }

    private static SubjectSchema answer(SchemaVersion v) {
        return new SubjectSchema(v.subject(), v.version(), v.id(), v.schema());
    }

    private static SchemaVersion find(List<SchemaVersion> versions, int wanted) {
        if (wanted == LATEST) {
            return versions.get(versions.size() - 1);
        }
        return versions.stream()
                .filter(v -> v.version() == wanted)
                .findFirst()
                .orElseThrow(() -> RegistryException.versionNotFound(wanted));
    }

    private static List<SchemaVersion> live(List<SchemaVersion> versions) {
        return visible(versions, false);
    }

    private static List<SchemaVersion> visible(List<SchemaVersion> versions, boolean includeDeleted) {
        return includeDeleted ? versions : versions.stream().filter(v -> !v.deleted()).toList();
    }

    private static List<CompatibilityChecker.Earlier> earlier(List<SchemaVersion> versions) {
        // stored schemas parsed when they were registered, so parsing them again cannot fail
        return versions.stream()
                .map(v -> new CompatibilityChecker.Earlier(v.version(), new Schema.Parser().parse(v.schema())))
                .toList();
    }

    /** "latest" or -1 for the latest version, else a version number from 1. */
    static int parseVersion(String spec) {
        String trimmed = spec == null ? "" : spec.trim();
        if (trimmed.toLowerCase(Locale.ROOT).equals("latest")) {
            return LATEST;
        }
        try {
            int version = Integer.parseInt(trimmed);
            if (version == LATEST || version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // answered below as an invalid version
        }
        throw RegistryException.invalidVersion(spec);
    }

    /**
     * Parses an Avro schema, refusing a schema over the size limit with 42209 (before parsing it, and before it
     * could reach the store, whose records the broker bounds) and other schema types and invalid text with 42201.
     */
    private Schema parse(String schemaText, String schemaType) {
        // a char takes 1 to 3 bytes of UTF-8, so most texts need no encoding to be measured
        if (schemaText != null && (long) schemaText.length() * 3 > maxSchemaBytes) {
            int bytes = schemaText.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > maxSchemaBytes) {
                throw RegistryException.schemaTooLarge(bytes, maxSchemaBytes);
            }
        }
        return parseAvro(schemaText, schemaType);
    }

    /** Parses an Avro schema, refusing other schema types and invalid text with 42201. */
    private static Schema parseAvro(String schemaText, String schemaType) {
        if (schemaType != null && !schemaType.isBlank() && !AVRO.equalsIgnoreCase(schemaType.trim())) {
            throw RegistryException.invalidSchema("Invalid schema type " + schemaType
                    + ": this registry supports AVRO only");
        }
        if (schemaText == null || schemaText.isBlank()) {
            throw RegistryException.invalidSchema("Invalid schema: the schema is empty");
        }
        try {
            return new Schema.Parser().parse(schemaText);
        } catch (RuntimeException e) {
            throw RegistryException.invalidSchema("Invalid schema: " + e.getMessage());
        }
    }

    private <T> T locked(Supplier<T> action) {
        writeLock.lock();
        try {
            return action.get();
        } finally {
            writeLock.unlock();
        }
    }

    private static void write(Runnable change) {
        try {
            change.run();
        } catch (SchemaStoreException e) {
            if (tooLargeForTheStore(e)) {
                // the client's fault, not the store's: a 5xx would have it retry the same schema
                throw new RegistryException(422, RegistryException.SCHEMA_TOO_LARGE,
                        "Schema too large for the schema store: " + e.getMessage(), e);
            }
            throw new RegistryException(500,
                    e.isTimeout() ? RegistryException.OPERATION_TIMEOUT : RegistryException.STORE_ERROR,
                    "Error while writing to the schema store: " + e.getMessage(), e);
        }
    }

    private static boolean tooLargeForTheStore(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.apache.kafka.common.errors.RecordTooLargeException
                    || cause instanceof org.apache.kafka.common.errors.RecordBatchTooLargeException) {
                return true;
            }
        }
        return false;
    }
}
