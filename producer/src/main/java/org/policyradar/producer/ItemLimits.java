package org.policyradar.producer;

import java.util.Map;
import org.policyradar.topics.NewsItemLimits;

/**
 * The producer's check of {@link NewsItemLimits}, after normalisation: an item over any of them is reported like a
 * bad line ({@code FILE:LINE: reason} or {@code FEED: entry N: reason}) and skipped. The Streams side checks the
 * same numbers again in validation.
 */
final class ItemLimits {

    private ItemLimits() {
    }

    /**
     * Checks the normalised fields of an item against the limits.
     *
     * @throws BadLineException naming the first field over its limit, its length and the limit
     */
    static void check(String id, String source, String url, String headline, String text, String language,
                      Map<String, String> attributes) throws BadLineException {
        requireAtMost("id", id, NewsItemLimits.MAX_ID_CHARS);
        requireAtMost("source", source, NewsItemLimits.MAX_SOURCE_CHARS);
        requireAtMost("url", url, NewsItemLimits.MAX_URL_CHARS);
        requireAtMost("headline", headline, NewsItemLimits.MAX_HEADLINE_CHARS);
        requireAtMost("text", text, NewsItemLimits.MAX_TEXT_CHARS);
        requireAtMost("language", language, NewsItemLimits.MAX_LANGUAGE_CHARS);
        if (attributes.size() > NewsItemLimits.MAX_ATTRIBUTES) {
            throw new BadLineException("too many attributes: " + attributes.size() + ", more than the limit of "
                    + NewsItemLimits.MAX_ATTRIBUTES);
        }
        long total = 0;
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            String name = attribute.getKey();
            if (name.length() > NewsItemLimits.MAX_ATTRIBUTE_NAME_CHARS) {
                throw new BadLineException("attribute name is " + name.length() + " characters long, more than the "
                        + "limit of " + NewsItemLimits.MAX_ATTRIBUTE_NAME_CHARS);
            }
            requireAtMost("attribute \"" + name + "\"", attribute.getValue(),
                    NewsItemLimits.MAX_ATTRIBUTE_VALUE_CHARS);
            total += name.length() + attribute.getValue().length();
        }
        if (total > NewsItemLimits.MAX_ATTRIBUTES_TOTAL_CHARS) {
            throw new BadLineException("attributes are " + total + " characters in all, more than the limit of "
                    + NewsItemLimits.MAX_ATTRIBUTES_TOTAL_CHARS);
        }
    }

    private static void requireAtMost(String field, String value, int limit) throws BadLineException {
        if (value != null && value.length() > limit) {
            throw new BadLineException(field + " is " + value.length() + " characters long, more than the limit of "
                    + limit);
        }
    }
}
