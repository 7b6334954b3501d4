package org.policyradar.producer;

import java.io.IOException;
import java.util.Objects;

/**
 * An input that should be an RSS or Atom feed but cannot be read as one: not well-formed XML, a document of another
 * kind, a DOCTYPE declaration (refused, see {@link FeedReader}), or too large.
 */
public final class FeedFormatException extends IOException {

    private final String input;
    private final String reason;

    public FeedFormatException(String input, String reason, Throwable cause) {
        super(input + ": " + reason, cause);
        this.input = Objects.requireNonNull(input, "input");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The feed as it was named: a path or a URL. */
    public String input() {
        return input;
    }

    /** Why it is not readable, in words, without the input's name. */
    public String reason() {
        return reason;
    }
}
