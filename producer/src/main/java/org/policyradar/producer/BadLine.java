package org.policyradar.producer;

import java.util.Objects;

/**
 * A line that could not be turned into a news item and was skipped.
 *
 * @param input      the input as it was named (a path as given, or {@code stdin})
 * @param lineNumber 1-based line number, counting every line including blank ones
 * @param reason     why it was skipped, in words
 */
public record BadLine(String input, long lineNumber, String reason) {

    public BadLine {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(reason, "reason");
    }

    /** {@code FILE:LINE: reason}, the format compilers use so that editors can jump to the line. */
    @Override
    public String toString() {
        return input + ":" + lineNumber + ": " + reason;
    }
}
