package org.policyradar.streams.enrich;

/** A rule file is missing, malformed or inconsistent; the message names the file. */
public final class RuleSetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public RuleSetException(String message) {
        super(message);
    }

    public RuleSetException(String message, Throwable cause) {
        super(message, cause);
    }
}
