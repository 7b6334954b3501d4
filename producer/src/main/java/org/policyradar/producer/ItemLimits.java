package org.policyradar.producer;

import java.util.Map;
import org.policyradar.topics.NewsItemLimits;

/**
 * The producer's check of {@link NewsItemLimits}, after normalisation: an item over any of them is reported like a
 * bad line ({@code FILE:LINE: reason} or {@code FEED: entry N: reason}) and skipped. The Streams side checks the
 * same numbers again in validation.
 */
public final class ItemLimits {

    public static final int MAX_TEXT_CHARS = NewsItemLimits.MAX_TEXT_CHARS;
    public static final int MAX_HEADLINE_CHARS = NewsItemLimits.MAX_HEADLINE_CHARS;
    public static final int MAX_URL_CHARS = NewsItemLimits.MAX_URL_CHARS;
    public static final int MAX_SOURCE_CHARS = NewsItemLimits.MAX_SOURCE_CHARS;
    public static final int MAX_ID_CHARS = NewsItemLimits.MAX_ID_CHARS;
    public static final int MAX_LANGUAGE_CHARS = NewsItemLimits.MAX_LANGUAGE_CHARS;
    public static final int MAX_ATTRIBUTES = NewsItemLimits.MAX_ATTRIBUTES;
    public static final int MAX_ATTRIBUTE_NAME_CHARS = NewsItemLimits.MAX_ATTRIBUTE_NAME_CHARS;
    public static final int MAX_ATTRIBUTE_VALUE_CHARS = NewsItemLimits.MAX_ATTRIBUTE_VALUE_CHARS;
    public static final int MAX_ATTRIBUTES_TOTAL_CHARS = NewsItemLimits.MAX_ATTRIBUTES_TOTAL_CHARS;

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
