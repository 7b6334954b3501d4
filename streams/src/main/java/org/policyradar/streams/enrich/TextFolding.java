package org.policyradar.streams.enrich;

import java.util.function.IntPredicate;

/**
 * Folds text for matching without changing its length, so that an offset in the folded text is the same
 * offset in the original: lower case, typographic quotes and dashes to ASCII, every space character to ' '.
 */
public final class TextFolding {

    private TextFolding() {
    }

    public static String fold(String text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < text.length(); i++) {
            out[i] = foldChar(text.charAt(i));
        }
        return new String(out);
    }

    static char foldChar(char c) {
        switch (c) {
            case '\u2018', '\u2019', '\u201B', '\u02BC', '\u2032', '`', '\u00B4':
                return '\'';
            case '\u201C', '\u201D', '\u201E', '\u2033':
                return '"';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
                return '-';
            default:
                break;
        }
        if (Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F') {
            return ' ';
        }
        return Character.toLowerCase(c);
    }

    public static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    /**
     * [start, end) of the word right before {@code offset}: the run of {@code wordChar} characters that ends where
     * the spaces before {@code offset} begin (there may be none); null when no such character is there. Callers
     * that need a space between the word and {@code offset} check {@code end < offset}.
     */
    public static int[] wordBefore(String text, int offset, IntPredicate wordChar) {
        int end = offset;
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        int start = end;
        while (start > 0 && wordChar.test(text.charAt(start - 1))) {
            start--;
        }
        return start == end ? null : new int[] {start, end};
    }
}
