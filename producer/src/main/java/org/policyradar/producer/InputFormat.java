package org.policyradar.producer;

import java.util.List;
import java.util.Locale;

/** The layout of a news input: one item a line (plain text or a JSON object), or an RSS/Atom feed document. */
public enum InputFormat {
    /** Decide from the input's name, else from its first non-blank line (see {@link #fromFileName}). */
    AUTO,
    /** One item a line; the line is the item's text, there is no headline. */
    TEXT,
    /** JSON Lines: one JSON object a line. */
    JSONL,
    /** An RSS (0.9x, 1.0, 2.0) or Atom feed document: one item an entry (see {@link FeedReader}). */
    FEED;

    // what a feed document starts with, after a byte-order mark and white space
    private static final List<String> FEED_STARTS = List.of("<?xml", "<rss", "<feed", "<rdf:RDF");

    /**
     * The format a file name implies: {@code .txt} is {@link #TEXT}; {@code .jsonl}, {@code .ndjson} and
     * {@code .json} are {@link #JSONL}; {@code .xml}, {@code .rss} and {@code .atom} are {@link #FEED}; any other
     * name is {@link #AUTO} (decided from the content).
     */
    public static InputFormat fromFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".txt")) {
            return TEXT;
        }
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json")) {
            return JSONL;
        }
        if (lower.endsWith(".xml") || lower.endsWith(".rss") || lower.endsWith(".atom")) {
            return FEED;
        }
        return AUTO;
    }

    /**
     * The format a first non-blank line implies: a feed when it starts with {@code <?xml}, {@code <rss},
     * {@code <feed} or {@code <rdf:RDF}; JSON Lines when it starts with {@code '{'}; else text.
     */
    public static InputFormat fromFirstLine(String firstNonBlankLine) {
        String line = firstNonBlankLine.strip();
        if (line.startsWith("\uFEFF")) {
            line = line.substring(1).strip();
        }
        for (String start : FEED_STARTS) {
            if (line.startsWith(start)) {
                return FEED;
            }
        }
        return line.startsWith("{") ? JSONL : TEXT;
    }
}
