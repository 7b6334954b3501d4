package org.policyradar.streams.conflict;

import org.policyradar.avro.PolicyConflict;

/**
 * The new state of a conflict, and whether it was seen for the first time (which is what raises an alert).
 *
 * @param conflict the conflict as it is now
 * @param isNew    whether it was seen for the first time
 */
public record ConflictUpdate(PolicyConflict conflict, boolean isNew) {
}
