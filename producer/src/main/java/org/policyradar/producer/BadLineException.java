package org.policyradar.producer;

/** Thrown while reading one line to say the line is bad; its message is the reason reported for the line. */
final class BadLineException extends Exception {

    BadLineException(String reason) {
        super(reason, null, false, false);
    }
}
