package org.policyradar.producer;

import java.util.Objects;

/**
 * A news item that Kafka did not accept.
 *
 * @param itemId the id (and record key) of the item
 * @param error  why: the exception the producer gave
 */
public record PublishFailure(String itemId, Exception error) {

    public PublishFailure {
        Objects.requireNonNull(itemId, "itemId");
        Objects.requireNonNull(error, "error");
    }

    /** The error in one line: its type and message. */
    public String reason() {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public String toString() {
        return "item " + itemId + " was not published: " + reason();
    }
}
