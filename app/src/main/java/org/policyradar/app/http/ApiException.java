package org.policyradar.app.http;

/**
 * A request the API cannot answer, with the HTTP status to answer with and a message for the caller; the server
 * renders it as {@code {"status": ..., "error": ...}}.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public ApiException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, message);
    }

    /** The state is not queryable right now (starting, rebalancing, restoring): worth a retry. */
    static ApiException unavailable(String message) {
        return new ApiException(503, message);
    }

    /** Another instance that owns the answer could not be reached. */
    static ApiException badGateway(String message, Throwable cause) {
        return new ApiException(502, message, cause);
    }
}
