package org.policyradar.registry.server;

/**
 * A store could not durably record a change (answered as error 50001), or did not within its time limit
 * (answered as 50002). Nothing was applied when this is thrown.
 */
public class SchemaStoreException extends RuntimeException {

    private final boolean timeout;

    public SchemaStoreException(String message, Throwable cause, boolean timeout) {
        super(message, cause);
        this.timeout = timeout;
    }

    /** The write timed out rather than failed. */
    public boolean isTimeout() {
        return timeout;
    }
}
