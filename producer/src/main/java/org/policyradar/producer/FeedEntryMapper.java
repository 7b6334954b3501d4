package org.policyradar.producer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndPerson;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.policyradar.avro.NewsItem;

/**
 * Maps the entries of one parsed feed onto the same {@link RawNews} → {@link NewsItemAssembler} path that lines
 * take:
 * <ul>
 *   <li>title → headline;</li>
 *   <li>text: the description (RSS) or summary (Atom); if that has nothing readable, the content
 *       ({@code content:encoded}, Atom {@code content}); if neither has any, the title, so that a headline-only
 *       entry is still an item (attribute {@code text_source} says which was used: {@code description},
 *       {@code content} or {@code title}); an entry with none of the three is skipped;</li>
 *   <li>link → url (for an RSS item without a link, its permalink guid when that is an http(s) URL);
 *       published date, else updated date → publishedAt (else the clock's time, INGESTED);</li>
 *   <li>feed title, else the input's host or file name → source; the feed's language → language;</li>
 *   <li>id: {@link ItemIds#ofGuid} of source and guid (RSS {@code guid}, Atom {@code id}) when there is one that is
 *       not just the link, else {@link ItemIds#ofUrl} of source and link, else {@link ItemIds#ofText};</li>
 *   <li>attributes: {@code feed} (the feed's URL, or the file's name), {@code guid}, {@code author}, {@code categories} (a JSON
 *       array of names), {@code text_source}.</li>
 * </ul>
 * HTML in every field is stripped by {@link TextNormalizer}, as for any other input.
 */
final class FeedEntryMapper {

    private static final ObjectMapper JSON = new ObjectMapper();
    // the years Avro timestamp-millis consumers cope with, as for published_at in JSON Lines
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private final String feedName;
    private final String source;
    private final String language;
    private final NewsItemAssembler assembler;

    /**
     * @param feedName the input as named: a path or a URL; the default source is its host or file name
     * @param clock    gives {@code ingestedAt}, and the event time of entries without a date
     */
    FeedEntryMapper(SyndFeed feed, String feedName, Clock clock) {
        this.feedName = feedName;
        String title = feed.getTitle() == null ? "" : TextNormalizer.normalize(feed.getTitle());
        this.source = title.isEmpty() ? InputNames.defaultSource(feedName) : title;
        this.language = feed.getLanguage();
        this.assembler = new NewsItemAssembler(source, clock);
    }

    /** The source of every item of this feed. */
    String source() {
        return source;
    }

    /**
     * What identifies the entry within its feed, for de-duplication across polls: {@code guid:} and the guid, else
     * {@code link:} and the link, else {@code text:} and the id of its text.
     */
    String key(SyndEntry entry) {
        String guid = guid(entry);
        if (guid != null) {
            return "guid:" + guid;
        }
        String link = link(entry);
        if (link != null) {
            return "link:" + link;
        }
        Text text = text(entry);
        return "text:" + ItemIds.ofText(text == null ? "" : TextNormalizer.normalize(text.value()));
    }

    /** The entry as a normalised item. */
    NewsItem item(SyndEntry entry) throws BadLineException {
        return assembler.assemble(raw(entry));
    }

    /** A short description of the entry for reports: its number and its guid, link or title. */
    String describe(SyndEntry entry, int number) {
        String guid = guid(entry);
        String link = link(entry);
        String title = entry.getTitle() == null ? null : stripToNull(TextNormalizer.normalize(entry.getTitle()));
        String what = guid != null ? " (guid " + guid + ")"
                : link != null ? " (link " + link + ")"
                : title != null ? " (title \"" + title + "\")"
                : "";
        return "entry " + number + PublishedAtParser.abbreviate(what);
    }

    RawNews raw(SyndEntry entry) throws BadLineException {
        Text text = text(entry);
        if (text == null) {
            throw new BadLineException("no text: the entry has no readable description, content or title");
        }
        String guid = guid(entry);
        Map<String, String> attributes = new LinkedHashMap<>();
        // a feed URL says where the item came from; a local path would only say where someone kept a file
        attributes.put("feed", InputNames.isHttpUrl(feedName) ? feedName : InputNames.lastSegment(feedName));
        if (guid != null) {
            attributes.put("guid", guid);
        }
        String author = author(entry);
        if (author != null) {
            attributes.put("author", author);
        }
        String categories = categories(entry);
        if (categories != null) {
            attributes.put("categories", categories);
        }
        attributes.put("text_source", text.from());
        return new RawNews(
                guid == null ? null : ItemIds.ofGuid(source, guid),
                source,
                link(entry),
                eventTime(entry),
                entry.getTitle(),
                text.value(),
                language,
                attributes);
    }

    /** The text of an entry as published (markup and all), and which field it came from. */
    private record Text(String value, String from) {
    }

    private static Text text(SyndEntry entry) {
        SyndContent description = entry.getDescription();
        if (description != null && readable(description.getValue())) {
            return new Text(description.getValue(), "description");
        }
        StringJoiner contents = new StringJoiner("\n");
        for (SyndContent content : entry.getContents()) {
            if (content != null && readable(content.getValue())) {
                contents.add(content.getValue());
            }
        }
        if (contents.length() > 0) {
            return new Text(contents.toString(), "content");
        }
        if (readable(entry.getTitle())) {
            return new Text(entry.getTitle(), "title");
        }
        return null;
    }

    private static boolean readable(String value) {
        return value != null && !TextNormalizer.normalize(value).isEmpty();
    }

    // Rome puts the guid (RSS) or id (Atom) in the uri, or the link when there is neither: a guid equal to the link
    // is no guid, and the item is then known by its link, as a JSON line with the same source and url would be
    private static String guid(SyndEntry entry) {
        String guid = entry.getWireEntry() instanceof Item item && item.getGuid() != null
                ? stripToNull(item.getGuid().getValue())
                : stripToNull(entry.getUri());
        return guid == null || guid.equals(link(entry)) ? null : guid;
    }

    // Rome copies a permalink guid into a missing RSS link; many feeds leave isPermaLink at its default for guids
    // such as "12345", which are no URL, so only a guid that is an http(s) URL stands in for the link
    private static String link(SyndEntry entry) {
        if (entry.getWireEntry() instanceof Item item) {
            String link = stripToNull(item.getLink());
            if (link != null) {
                return link;
            }
            Guid guid = item.getGuid();
            String value = guid == null ? null : stripToNull(guid.getValue());
            return value != null && guid.isPermaLink() && InputNames.isHttpUrl(value) ? value : null;
        }
        return stripToNull(entry.getLink());
    }

    private static Instant eventTime(SyndEntry entry) {
        Instant published = inRange(entry.getPublishedDate());
        return published != null ? published : inRange(entry.getUpdatedDate());
    }

    // a date Avro consumers cannot take is as good as none: the item then gets its ingestion time
    private static Instant inRange(Date date) {
        if (date == null) {
            return null;
        }
        Instant instant = date.toInstant();
        return instant.isBefore(EARLIEST) || instant.isAfter(LATEST) ? null : instant;
    }

    private static String author(SyndEntry entry) {
        String author = entry.getAuthor() == null ? null : stripToNull(TextNormalizer.normalize(entry.getAuthor()));
        if (author != null) {
            return author;
        }
        Set<String> names = new LinkedHashSet<>();
        for (SyndPerson person : entry.getAuthors()) {
            String name = person.getName() == null ? null : stripToNull(TextNormalizer.normalize(person.getName()));
            if (name != null) {
                names.add(name);
            }
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    private static String categories(SyndEntry entry) {
        Set<String> names = new LinkedHashSet<>();
        for (SyndCategory category : entry.getCategories()) {
            String name = category.getName() == null ? null : stripToNull(TextNormalizer.normalize(category.getName()));
            if (name != null) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(new ArrayList<>(names));
        } catch (JsonProcessingException e) {
            // a list of strings always serialises
            throw new IllegalStateException(e);
        }
    }

    private static String stripToNull(String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** The entries of a feed, in document order. */
    static List<SyndEntry> entries(SyndFeed feed) {
        return feed.getEntries() == null ? List.of() : feed.getEntries();
    }
}
