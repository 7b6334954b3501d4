package org.policyradar.producer;

import java.io.PrintStream;

/** Where skipped lines are reported; called once per bad line, on the ingesting thread. */
@FunctionalInterface
public interface BadLineReporter {

    void report(BadLine badLine);

    /** Prints {@code FILE:LINE: reason} to standard error (whatever {@code System.err} is at the time). */
    static BadLineReporter stderr() {
        return badLine -> System.err.println(badLine);
    }

    /** Prints {@code FILE:LINE: reason} to the given stream, one line per bad line. */
    static BadLineReporter printingTo(PrintStream out) {
        return badLine -> out.println(badLine);
    }
}
