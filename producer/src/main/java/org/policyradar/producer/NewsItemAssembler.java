package org.policyradar.producer;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.policyradar.avro.EventTimeSource;
import org.policyradar.avro.NewsItem;

/**
 * Turns the raw fields of a line into a {@link NewsItem}: normalises headline and text (an item with only a headline
 * gets the headline as its text), fills in the source, the id (see {@link ItemIds}) and the event time (the
 * publication time, else the ingestion time from the clock), and refuses an item over the {@link ItemLimits}.
 */
final class NewsItemAssembler {

    /** The attribute that says which field the text came from when it is not the item's own text field. */
    static final String TEXT_SOURCE_ATTRIBUTE = "text_source";

    private final String defaultSource;
    private final Clock clock;

    /**
     * @param defaultSource the source of items that name none: the input's file name, or {@code stdin}
     * @param clock         gives {@code ingestedAt}
     */
    NewsItemAssembler(String defaultSource, Clock clock) {
        this.defaultSource = defaultSource;
        this.clock = clock;
    }

    NewsItem assemble(RawNews raw) throws BadLineException {
        String text = TextNormalizer.normalize(raw.text() == null ? "" : raw.text());
        String headline = emptyToNull(raw.headline() == null ? null : TextNormalizer.normalize(raw.headline()));
        Map<String, String> attributes = new LinkedHashMap<>(raw.attributes());
        if (text.isEmpty() && headline != null) {
            // a headline-only item (a title-only feed entry, a JSON line with just a headline) is its own text
            text = headline;
            attributes.putIfAbsent(TEXT_SOURCE_ATTRIBUTE, "headline");
        }
        if (text.isEmpty()) {
            throw new BadLineException("no text: nothing readable is left after removing markup and whitespace");
        }
        String source = emptyToNull(raw.source() == null ? null : TextNormalizer.fold(raw.source()));
        if (source == null) {
            source = defaultSource;
        }
        String url = emptyToNull(raw.url() == null ? null : raw.url().strip());
        String language = emptyToNull(raw.language() == null ? null : TextNormalizer.fold(raw.language()));
        String givenId = emptyToNull(raw.id() == null ? null : raw.id().strip());
        String id = givenId != null ? givenId : url != null ? ItemIds.ofUrl(source, url) : ItemIds.ofText(text);

        requireValidUnicode("id", id);
        requireValidUnicode("source", source);
        requireValidUnicode("url", url);
        requireValidUnicode("headline", headline);
        requireValidUnicode("text", text);
        requireValidUnicode("language", language);
        for (Map.Entry<String, String> attribute : attributes.entrySet()) {
            requireValidUnicode("field name", attribute.getKey());
            requireValidUnicode(attribute.getKey(), attribute.getValue());
        }
        ItemLimits.check(id, source, url, headline, text, language, attributes);

        // millisecond precision is all the schema keeps; truncating here keeps in-memory and on-topic items equal
        Instant ingestedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        boolean published = raw.publishedAt() != null;
        return NewsItem.newBuilder()
                .setId(id)
                .setSource(source)
                .setUrl(url)
                .setHeadline(headline)
                .setText(text)
                .setLanguage(language)
                .setPublishedAt(published ? raw.publishedAt() : ingestedAt)
                .setEventTimeSource(published ? EventTimeSource.PUBLISHED : EventTimeSource.INGESTED)
                .setIngestedAt(ingestedAt)
                .setAttributes(attributes)
                .build();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    // a lone surrogate (from a JSON escape such as \ud800) cannot be encoded as UTF-8 and would be replaced by '?'
    private static void requireValidUnicode(String field, String value) throws BadLineException {
        if (value == null) {
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new BadLineException("invalid Unicode in " + field + ": unpaired surrogate U+"
                        + String.format("%04X", (int) c));
            }
        }
    }
}
