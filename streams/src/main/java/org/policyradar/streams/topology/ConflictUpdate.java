package org.policyradar.streams.topology;

import org.policyradar.avro.PolicyConflict;

/** The new state of a conflict, and whether it was seen for the first time (which is what raises an alert). */
record ConflictUpdate(PolicyConflict conflict, boolean isNew) {
}
