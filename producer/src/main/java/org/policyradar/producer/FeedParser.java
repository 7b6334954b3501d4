package org.policyradar.producer;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Parses RSS and Atom documents with Rome. DOCTYPE declarations are refused (Rome's default, kept on purpose): no
 * external entity or DTD is ever resolved, so a hostile feed cannot read local files or make the parser fetch
 * URLs, and entity-expansion bombs cannot be declared. RSS 0.91 (Netscape) files, which need a DOCTYPE, are refused
 * with them; such feeds are extinct.
 */
final class FeedParser {

    private FeedParser() {
    }

    /** Reads at most {@code maxBytes} from {@code in} (not closed) and parses them. */
    static SyndFeed parse(String name, InputStream in, String contentType, int maxBytes) throws IOException {
        byte[] body = in.readNBytes(maxBytes + 1 > 0 ? maxBytes + 1 : maxBytes);
        if (body.length > maxBytes) {
            throw new FeedFormatException(name, "feed is larger than " + maxBytes + " bytes", null);
        }
        return parse(name, body, contentType);
    }

    /**
     * @param contentType the HTTP {@code Content-Type} of a download, or null; its charset is used when the document
     *                    declares none, as RFC 7303 asks
     */
    static SyndFeed parse(String name, byte[] body, String contentType) throws FeedFormatException {
        SyndFeedInput input = new SyndFeedInput();
        input.setAllowDoctypes(false);
        // the RSS item as written tells a guid from a link, which Rome's merged entry does not (see FeedEntryMapper)
        input.setPreserveWireFeed(true);
        try (XmlReader reader = contentType == null
                ? new XmlReader(new ByteArrayInputStream(body), true)
                : new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
            return input.build(reader);
        } catch (FeedException e) {
            throw new FeedFormatException(name, "not a readable RSS or Atom feed: " + describe(e), e);
        } catch (IllegalArgumentException e) {
            // Rome's way of saying the XML is well-formed but no parser knows its root element
            throw new FeedFormatException(name, "not an RSS or Atom feed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new FeedFormatException(name, "cannot decode the feed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // Rome's converters are lenient but not bullet-proof against odd documents
            throw new FeedFormatException(name, "not a readable RSS or Atom feed: " + e, e);
        }
    }

    // Rome says "Invalid XML" and keeps the parser's words (line, column, what is wrong) in the cause
    private static String describe(FeedException e) {
        String message = e.getMessage() == null ? "invalid XML" : e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message = message + ": " + cause.getMessage();
        }
        return message;
    }
}
