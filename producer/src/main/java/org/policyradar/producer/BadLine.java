package org.policyradar.producer;

import java.util.Objects;

/**
 * A line that could not be turned into a news item and was skipped, or another problem with an input that has
 * no line to point at: a feed entry, a feed that is not a feed, a feed that could not be fetched.
 *
 * @param input      the input as it was named (a path as given, {@code stdin}, or a feed URL)
 * @param lineNumber 1-based line number, counting every line including blank ones; {@link #NO_LINE} when the
 *                   problem is not about a line (the reason then says what it is about, e.g. {@code entry 3})
 * @param reason     why it was skipped, in words
 */
public record BadLine(String input, long lineNumber, String reason) {

    /** The line number of a problem that is not about one line of the input. */
    public static final long NO_LINE = 0;

    public BadLine {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * {@code FILE:LINE: reason}, the format compilers use so that editors can jump to the line; {@code INPUT: reason}
     * when there is no line.
     */
    @Override
    public String toString() {
        return lineNumber == NO_LINE ? input + ": " + reason : input + ":" + lineNumber + ": " + reason;
    }
}
