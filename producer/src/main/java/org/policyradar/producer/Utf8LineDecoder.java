package org.policyradar.producer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes one line's bytes as strict UTF-8: malformed or unmappable input is an error that names the byte offset,
 * never silently replaced by U+FFFD. One decoder serves a whole input, reset for every line.
 */
final class Utf8LineDecoder {

    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    String decode(byte[] bytes) throws BadLineException {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        // UTF-8 never needs more chars than bytes
        CharBuffer out = CharBuffer.allocate(bytes.length);
        decoder.reset();
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new BadLineException("invalid UTF-8: malformed byte sequence at byte " + (in.position() + 1)
                    + " (0x" + hex(bytes, in.position(), result.length()) + ")");
        }
        out.flip();
        return out.toString();
    }

    private static String hex(byte[] bytes, int from, int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < Math.min(bytes.length, from + count); i++) {
            sb.append(String.format("%02X", bytes[i] & 0xFF));
        }
        return sb.toString();
    }
}
