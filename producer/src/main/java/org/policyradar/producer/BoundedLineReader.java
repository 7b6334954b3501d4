package org.policyradar.producer;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Splits a byte stream into lines ({@code \n} or {@code \r\n}) without ever holding more than a bounded number of
 * bytes of one line: the rest of an oversize line is read and counted but not kept. Works on bytes, not characters,
 * so that decoding (and its errors) stay per line; a {@code \n} byte never occurs inside a UTF-8 sequence.
 * Does not close the stream it reads.
 */
final class BoundedLineReader {

    /**
     * One line without its terminator.
     *
     * @param number   1-based line number
     * @param bytes    the line's bytes; empty when the line is oversize
     * @param length   the line's full length in bytes
     * @param oversize whether the line was longer than the limit (its bytes were dropped)
     */
    record RawLine(long number, byte[] bytes, long length, boolean oversize) {
    }

    private static final byte[] NONE = new byte[0];

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[16 * 1024];
    private int pos;
    private int limit;
    // holds one line; grows up to maxLineBytes + 1 (room for the '\r' of a "\r\n" ending)
    private byte[] line = new byte[256];
    private long lineNumber;

    BoundedLineReader(InputStream in, int maxLineBytes) {
        this.in = Objects.requireNonNull(in, "in");
        if (maxLineBytes < 1) {
            throw new IllegalArgumentException("maxLineBytes must be positive");
        }
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or null at the end of the stream. A final line without terminator is still a line. */
    RawLine next() throws IOException {
        int kept = 0;
        long length = 0;
        boolean sawAnything = false;
        boolean terminated = false;
        while (!terminated) {
            if (pos >= limit && !fill()) {
                if (!sawAnything) {
                    return null;
                }
                break;
            }
            sawAnything = true;
            int end = indexOfNewline(pos, limit);
            terminated = end >= 0;
            if (!terminated) {
                end = limit;
            }
            int chunk = end - pos;
            int room = maxLineBytes + 1 - kept;
            int keep = Math.min(chunk, Math.max(room, 0));
            if (keep > 0) {
                ensureCapacity(kept + keep);
                System.arraycopy(buffer, pos, line, kept, keep);
                kept += keep;
            }
            length += chunk;
            pos = terminated ? end + 1 : end;
        }
        lineNumber++;
        if (length <= maxLineBytes + 1 && kept > 0 && line[kept - 1] == '\r') {
            kept--;
            length--;
        }
        if (length > maxLineBytes) {
            return new RawLine(lineNumber, NONE, length, true);
        }
        return new RawLine(lineNumber, Arrays.copyOf(line, kept), length, false);
    }

    private int indexOfNewline(int from, int to) {
        for (int i = from; i < to; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            pos = 0;
            limit = 0;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    private void ensureCapacity(int needed) {
        if (needed > line.length) {
            line = Arrays.copyOf(line, Math.min(Math.max(needed, line.length * 2), maxLineBytes + 1));
        }
    }
}
