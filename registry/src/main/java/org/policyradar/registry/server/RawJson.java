package org.policyradar.registry.server;

/** A response body that is already JSON text (a stored schema), sent as it is. */
record RawJson(String text) {
}
