package org.policyradar.producer;

import java.text.Normalizer;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/**
 * Normalises the text of a news item so that the same story reads the same whatever the feed did to it: HTML tags
 * removed and entities decoded (jsoup), Unicode NFC, every run of whitespace or control characters folded to one
 * space, trimmed. Words and punctuation are kept as they are: smart quotes and dashes are not replaced.
 */
public final class TextNormalizer {

    // Unicode White_Space (includes NBSP and the line/paragraph separators) and C0/C1 controls such as NUL
    private static final Pattern SPACE_OR_CONTROL = Pattern.compile("[\\p{IsWhite_Space}\\p{Cc}]+");

    private TextNormalizer() {
    }

    /** The normalised form of {@code raw}; empty when nothing readable is left. */
    public static String normalize(String raw) {
        String text = mayContainMarkup(raw) ? Jsoup.parseBodyFragment(raw).text() : raw;
        text = Normalizer.normalize(text, Normalizer.Form.NFC);
        return SPACE_OR_CONTROL.matcher(text).replaceAll(" ").strip();
    }

    /** NFC and whitespace folding only, for short fields (source, language) that carry no markup. */
    public static String fold(String raw) {
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
        return SPACE_OR_CONTROL.matcher(text).replaceAll(" ").strip();
    }

    // plain text without '<' or '&' cannot change under HTML parsing; skipping jsoup keeps it fast and exact
    private static boolean mayContainMarkup(String text) {
        return text.indexOf('<') >= 0 || text.indexOf('&') >= 0;
    }
}
