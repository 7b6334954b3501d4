package org.policyradar.producer;

import java.util.Locale;

/** The layout of a news input: one item a line, either plain text or a JSON object. */
public enum InputFormat {
    /** Decide from the input's name, else from its first non-blank line (see {@link #fromFileName}). */
    AUTO,
    /** One item a line; the line is the item's text, there is no headline. */
    TEXT,
    /** JSON Lines: one JSON object a line. */
    JSONL;

    /**
     * The format a file name implies: {@code .txt} is {@link #TEXT}; {@code .jsonl}, {@code .ndjson} and
     * {@code .json} are {@link #JSONL}; any other name is {@link #AUTO} (decided from the content).
     */
    public static InputFormat fromFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".txt")) {
            return TEXT;
        }
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json")) {
            return JSONL;
        }
        return AUTO;
    }

    /** The format a first non-blank line implies: JSON Lines when it starts with {@code '{'}, else text. */
    public static InputFormat fromFirstLine(String firstNonBlankLine) {
        return firstNonBlankLine.strip().startsWith("{") ? JSONL : TEXT;
    }
}
