package org.policyradar.registry.server;

import java.util.Locale;
import java.util.Optional;

/**
 * The compatibility rules a subject can enforce on registration, as Confluent's Schema Registry names them.
 * A non-transitive level checks the new schema against the latest live version only; a transitive one
 * against every live version.
 */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    /** The level of a registry that was never configured, as in Confluent. */
    public static final CompatibilityLevel DEFAULT = BACKWARD;

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /** The new schema must be able to read data written with the old ones. */
    public boolean backward() {
        return backward;
    }

    /** The old schemas must be able to read data written with the new one. */
    public boolean forward() {
        return forward;
    }

    /** Checked against every live version instead of the latest only. */
    public boolean transitive() {
        return transitive;
    }

    /** Parses a level name case-insensitively; empty for null or an unknown name. */
    public static Optional<CompatibilityLevel> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
