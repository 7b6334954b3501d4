package org.policyradar.streams.enrich.analysis;

/**
 * A stretch of the analysed text, {@code [start, end)} in UTF-16 offsets: what evidence points at and what the
 * phrases naming a target cover.
 */
record Span(int start, int end) {

    boolean contains(int offset) {
        return offset >= start && offset < end;
    }
}
