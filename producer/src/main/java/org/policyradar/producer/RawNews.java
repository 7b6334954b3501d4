package org.policyradar.producer;

import java.time.Instant;
import java.util.Map;

/**
 * The fields of one input line as read, before normalisation; every field but {@code text} and
 * {@code attributes} may be null.
 */
record RawNews(String id, String source, String url, Instant publishedAt, String headline, String text,
               String language, Map<String, String> attributes) {

    /** A plain-text line: the line is the text. */
    static RawNews ofText(String line) {
        return new RawNews(null, null, null, null, null, line, null, Map.of());
    }
}
