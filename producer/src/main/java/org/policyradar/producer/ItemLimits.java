package org.policyradar.producer;

import java.util.Map;

/**
 * The size limits every news item keeps, checked by the producer after normalisation (an item over any of them is
 * reported like a bad line, {@code FILE:LINE: reason} or {@code FEED: entry N: reason}, and skipped). Lengths are
 * in UTF-16 chars ({@link String#length()}), so that a worst-case item, every field at its limit and every char
 * three UTF-8 bytes, stays well under Kafka's default {@code max.request.size} of 1 MiB, also once the topology has
 * copied the headline and text into its outputs. The Streams side checks the same numbers again in validation.
 */
public final class ItemLimits {

    /** The longest item text: 65,536 chars, as the topology's validation allows. */
    public static final int MAX_TEXT_CHARS = 64 * 1024;
    /** The longest headline (title): 1,024 chars; real headlines are under 300. */
    public static final int MAX_HEADLINE_CHARS = 1024;
    /** The longest url: 2,048 chars, the limit search engines and sitemaps use. */
    public static final int MAX_URL_CHARS = 2048;
    /** The longest source name: 256 chars. */
    public static final int MAX_SOURCE_CHARS = 256;
    /** The longest id given with an item (ids the producer makes are 32 hex chars): 256 chars. */
    public static final int MAX_ID_CHARS = 256;
    /** The longest language tag: 35 chars, the longest BCP 47 tag in practical use. */
    public static final int MAX_LANGUAGE_CHARS = 35;
    /** At most this many attributes: 64. */
    public static final int MAX_ATTRIBUTES = 64;
    /** The longest attribute name: 128 chars. */
    public static final int MAX_ATTRIBUTE_NAME_CHARS = 128;
    /** The longest attribute value: 4,096 chars. */
    public static final int MAX_ATTRIBUTE_VALUE_CHARS = 4096;
    /** All attribute names and values together: at most 16,384 chars. */
    public static final int MAX_ATTRIBUTES_TOTAL_CHARS = 16 * 1024;

    private ItemLimits() {
    }

    /**
     * Checks the normalised fields of an item against the limits.
     *
     * @throws BadLineException naming the first field over its limit, its length and the limit
     */
    static void check(String id, String source, String url, String headline, String text, String language,
                      Map<String, String> attributes) throws BadLineException {
        requireAtMost("id", id, MAX_ID_CHARS);
        requireAtMost("source", source, MAX_SOURCE_CHARS);
        requireAtMost("url", url, MAX_URL_CHARS);
        requireAtMost("headline", headline, MAX_HEADLINE_CHARS);
        requireAtMost("text", text, MAX_TEXT_CHARS);
        requireAtMost("language", language, MAX_LANGUAGE_CHARS);
        if (attributes.size() > MAX_ATTRIBUTES) {
            throw new BadLineException("too many attributes: " + attributes.size() + ", more than the limit of "
                    + MAX_ATTRIBUTES);
        }
        long total = 0;
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            String name = attribute.getKey();
            if (name.length() > MAX_ATTRIBUTE_NAME_CHARS) {
                throw new BadLineException("attribute name is " + name.length() + " characters long, more than the "
                        + "limit of " + MAX_ATTRIBUTE_NAME_CHARS);
            }
            requireAtMost("attribute \"" + name + "\"", attribute.getValue(), MAX_ATTRIBUTE_VALUE_CHARS);
            total += name.length() + attribute.getValue().length();
        }
        if (total > MAX_ATTRIBUTES_TOTAL_CHARS) {
            throw new BadLineException("attributes are " + total + " characters in all, more than the limit of "
                    + MAX_ATTRIBUTES_TOTAL_CHARS);
        }
    }

    private static void requireAtMost(String field, String value, int limit) throws BadLineException {
        if (value != null && value.length() > limit) {
            throw new BadLineException(field + " is " + value.length() + " characters long, more than the limit of "
                    + limit);
        }
    }
}
