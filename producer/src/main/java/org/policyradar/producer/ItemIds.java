package org.policyradar.producer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable ids for news items that came without one, so that reading the same input again gives the same ids (and
 * so the same Kafka keys) on every run and every machine.
 *
 * <p>The id is the first {@value #ID_HEX_CHARS} lowercase hex characters (128 bits) of a SHA-256 digest of UTF-8
 * text:
 * <ul>
 *   <li>with a feed guid (RSS {@code guid}, Atom {@code id}) that is not just the link:
 *       {@code "guid\n" + source + "\n" + guid};</li>
 *   <li>with a url: {@code "url\n" + source + "\n" + url} (source and url as published, trimmed);</li>
 *   <li>otherwise: {@code "text\n" + normalisedText}, so the same text from two files is the same item.</li>
 * </ul>
 * The prefixes keep the kinds apart: a text can never collide with a source and url by construction.
 */
public final class ItemIds {

    /** Length of a generated id, in hex characters. */
    public static final int ID_HEX_CHARS = 32;

    private ItemIds() {
    }

    /** The id of an item known by its source and url. */
    public static String ofUrl(String source, String url) {
        return digest("url\n" + source + "\n" + url);
    }

    /** The id of a feed entry known by its source and its guid (RSS) or id (Atom). */
    public static String ofGuid(String source, String guid) {
        return digest("guid\n" + source + "\n" + guid);
    }

    /** The id of an item known only by its normalised text. */
    public static String ofText(String normalisedText) {
        return digest("text\n" + normalisedText);
    }

    private static String digest(String input) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, ID_HEX_CHARS);
        } catch (NoSuchAlgorithmException e) {
            // every Java platform is required to provide SHA-256
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
