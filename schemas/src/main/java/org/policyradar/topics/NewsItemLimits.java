package org.policyradar.topics;

/**
 * The size limits of a news item on {@link Topics#NEWS_ITEMS}, in UTF-16 chars ({@link String#length()}): the
 * producer refuses an item over any of them like a bad line, and the topology's validation dead-letters one that
 * another producer wrote. One set of numbers for both, so that nothing the producer accepts is refused later.
 *
 * <p>They are chosen so that every record the topology derives from an item (the enriched item carries headline,
 * text and evidence) stays under its 64 KiB record bound even when every char takes three UTF-8 bytes.
 */
public final class NewsItemLimits {

    /** Longest text: a long article, some 2,500 words; more is a whole feed in one record, or a blob. */
    public static final int MAX_TEXT_CHARS = 16_000;
    /** Longest headline (title); real ones are under 300 chars. */
    public static final int MAX_HEADLINE_CHARS = 1_000;
    /** Longest url: the limit browsers, search engines and sitemaps keep to. */
    public static final int MAX_URL_CHARS = 2_048;
    /** Longest source name. */
    public static final int MAX_SOURCE_CHARS = 200;
    /** Longest id given with an item (ids the producer makes are 32 hex chars). */
    public static final int MAX_ID_CHARS = 200;
    /** Longest language tag: the longest BCP 47 tag in practical use. */
    public static final int MAX_LANGUAGE_CHARS = 35;
    /** At most this many attributes. */
    public static final int MAX_ATTRIBUTES = 64;
    /** Longest attribute name. */
    public static final int MAX_ATTRIBUTE_NAME_CHARS = 128;
    /** Longest attribute value. */
    public static final int MAX_ATTRIBUTE_VALUE_CHARS = 4_096;
    /** All attribute names and values together. */
    public static final int MAX_ATTRIBUTES_TOTAL_CHARS = 8_000;

    private NewsItemLimits() {
    }
}
