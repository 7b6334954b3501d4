package org.policyradar.producer;

/** Where skipped lines are reported; called once per bad line, on the ingesting thread. */
@FunctionalInterface
public interface BadLineReporter {

    void report(BadLine badLine);

    /** Prints {@code FILE:LINE: reason} to standard error (whatever {@code System.err} is at the time). */
    static BadLineReporter stderr() {
        return badLine -> System.err.println(badLine);
    }
}
