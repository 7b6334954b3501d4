package org.policyradar.registry.client;

/**
 * The registry refused a request: carries the HTTP status and the Confluent error code of the answer
 * (e.g. 404 / 40403 for an unknown schema id, 409 / 409 for an incompatible schema).
 */
public class RestClientException extends Exception {

    private final int status;
    private final int errorCode;

    public RestClientException(String message, int status, int errorCode) {
        super(message + "; error code: " + errorCode);
        this.status = status;
        this.errorCode = errorCode;
    }

    /** The HTTP status of the answer. */
    public int getStatus() {
        return status;
    }

    /** The Confluent error code of the answer (the HTTP status when the body carried none). */
    public int getErrorCode() {
        return errorCode;
    }
}
