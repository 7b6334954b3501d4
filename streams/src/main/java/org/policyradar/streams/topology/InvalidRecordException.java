package org.policyradar.streams.topology;

/**
 * A record the topology cannot process (no value, no text, too large, too late). Thrown inside a processor so
 * that Kafka Streams' processing exception handler sends the source record to the dead-letter topic with this
 * message as the reason, and processing continues.
 */
public class InvalidRecordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidRecordException(String reason) {
        super(reason);
    }
}
