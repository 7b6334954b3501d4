package org.policyradar.app.tail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Bytes made fit to print: their UTF-8 text when they decode cleanly and hold no control characters other than
 * tab and line breaks, else their base64. The encoding says which, so that a program can get the bytes back.
 */
public record RenderedBytes(String text, Encoding encoding) {

    /** How {@link #text()} represents the bytes. */
    public enum Encoding {
        UTF8, BASE64;

        /** The lower-case name used in JSON output. */
        public String label() {
            return this == UTF8 ? "utf8" : "base64";
        }
    }

    /** Renders {@code bytes}; null stays null. */
    public static RenderedBytes of(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        String text = printableUtf8(bytes);
        return text != null ? new RenderedBytes(text, Encoding.UTF8)
                : new RenderedBytes(Base64.getEncoder().encodeToString(bytes), Encoding.BASE64);
    }

    private static String printableUtf8(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return null;
            }
        }
        return text;
    }
}
