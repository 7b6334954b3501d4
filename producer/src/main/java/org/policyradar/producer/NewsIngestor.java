package org.policyradar.producer;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.policyradar.avro.NewsItem;

/**
 * Reads news inputs, turns every good line (plain text or JSON Lines) or feed entry (RSS or Atom, see
 * {@link FeedReader}) into a normalised {@link NewsItem} and hands it to a sink (typically a {@link NewsPublisher}).
 * Bad lines and entries are reported with input name, line number (or entry number) and reason, skipped and counted;
 * blank lines are skipped silently. Line input is streamed: memory does not grow with the size of a file or of a
 * line (lines over {@link IngestOptions#maxLineBytes()} are skipped without being held); a feed document is read
 * whole, up to {@link IngestOptions#maxFeedBytes()}.
 *
 * <p>The format of each input is the forced one, else the one its name implies ({@link InputFormat#fromFileName}),
 * else the one its first non-blank line implies ({@link InputFormat#fromFirstLine}). An input that should be a feed
 * but is not readable as one is reported as one bad input ({@link BadLine#NO_LINE}) and counted as one skipped item;
 * an input that cannot be opened or downloaded is reported as {@code INPUT: reason} and counted as a failed input.
 *
 * <p>One ingestor is one run: an id handed to the sink once is not handed again by any later {@code ingest} call
 * of the same ingestor, and counts as a duplicate. The ids seen are kept in memory for that purpose. Not
 * thread-safe.
 */
public final class NewsIngestor {

    /** The input name that means standard input. */
    public static final String STDIN = "-";
    /** The source and the reported name of items read from standard input. */
    public static final String STDIN_NAME = "stdin";

    // enough to see past a byte-order mark and leading blank lines to the start of a feed document
    private static final int SNIFF_LIMIT = 64 * 1024;
    private static final int FEED_START_BYTES = 8;

    private final IngestOptions options;
    private final Set<String> seenIds = new HashSet<>();
    private final FeedReader feedReader;
    private JsonLineParser jsonParser;
    private FeedFetcher fetcher;

    public NewsIngestor(IngestOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.feedReader = new FeedReader(options, seenIds);
    }

    /**
     * Reads every input in order: file paths, {@value #STDIN} for standard input (which is not closed), or http(s)
     * URLs, each fetched once (a GET that follows redirects; the body is limited to
     * {@link IngestOptions#maxFeedBytes()}). An input that cannot be read at all (no such file, not a readable file,
     * an answer other than 2xx, a network error) is reported as {@code INPUT: reason}, counted in
     * {@link IngestSummary#failedInputs()}, and the run goes on with the next input; the items of an input that
     * fails part way through stay published.
     *
     * @return the counts over all inputs
     * @throws InterruptedIOException when the thread is interrupted while downloading
     */
    public IngestSummary ingest(List<String> inputs, Consumer<NewsItem> sink) throws IOException {
        Objects.requireNonNull(sink, "sink");
        IngestCounters counters = new IngestCounters(options);
        for (String input : inputs) {
            try {
                readInput(input, sink, counters);
            } catch (InterruptedIOException e) {
                throw e;
            } catch (IOException e) {
                counters.failedInputs++;
                options.reporter().report(new BadLine(input, BadLine.NO_LINE, reasonOf(e)));
            }
        }
        return counters.summary();
    }

    /**
     * Reads one stream (a classpath resource, standard input, a download). {@code name} is used in reports as it
     * is; its last path segment (or, for a URL, its host) is the default source of the items and its extension may
     * give the format. The stream is not closed.
     */
    public IngestSummary ingest(String name, InputStream in, Consumer<NewsItem> sink) throws IOException {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sink, "sink");
        IngestCounters counters = new IngestCounters(options);
        read(name, in, null, sink, counters);
        return counters.summary();
    }

    private void readInput(String input, Consumer<NewsItem> sink, IngestCounters counters) throws IOException {
        if (STDIN.equals(input)) {
            read(STDIN_NAME, System.in, null, sink, counters);
        } else if (InputNames.isHttpUrl(input)) {
            FeedFetcher.Response download = download(input);
            read(input, new ByteArrayInputStream(download.body()), download.contentType(), sink, counters);
        } else {
            try (InputStream in = Files.newInputStream(checkedPath(input))) {
                read(input, in, null, sink, counters);
            }
        }
    }

    private FeedFetcher.Response download(String url) throws IOException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InputException("not a valid URL: " + e.getMessage());
        }
        if (fetcher == null) {
            fetcher = new FeedFetcher(FeedFetcher.newClient(FeedFetcher.DEFAULT_CONNECT_TIMEOUT),
                    FeedFetcher.DEFAULT_REQUEST_TIMEOUT, options.maxFeedBytes(), ProducerVersion.userAgent());
        }
        try {
            return fetcher.fetch(uri, FeedFetcher.Validators.NONE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException(url + ": interrupted while downloading");
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            // the fetcher's messages say what went wrong in words (HTTP 404 from ..., connection failed, ...)
            throw new InputException(e.getMessage());
        }
    }

    private static Path checkedPath(String input) throws IOException {
        Path path = Path.of(input);
        if (!Files.exists(path)) {
            throw new InputException("no such file");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new InputException(Files.isDirectory(path) ? "not a readable file: a directory"
                    : "not a readable file");
        }
        return path;
    }

    // the reason in words, without the input's name (the report adds it) and without a stack trace
    private static String reasonOf(IOException e) {
        if (e instanceof InputException) {
            return e.getMessage();
        }
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "not a readable file: permission denied";
        }
        String message = e.getMessage();
        return "read failed: " + e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** An input that cannot be read, with the reason in words. */
    private static final class InputException extends IOException {
        InputException(String reason) {
            super(reason);
        }
    }

    private void read(String reportedName, InputStream in, String contentType, Consumer<NewsItem> sink,
                      IngestCounters counters) throws IOException {
        InputFormat format = options.format() != InputFormat.AUTO
                ? options.format()
                : InputFormat.fromFileName(InputNames.lastSegment(reportedName));
        InputStream stream = in;
        if (format == InputFormat.AUTO) {
            BufferedInputStream buffered = new BufferedInputStream(in);
            if (startsLikeAFeed(buffered)) {
                format = InputFormat.FEED;
            }
            stream = buffered;
        }
        if (format == InputFormat.FEED) {
            readFeed(reportedName, stream, contentType, sink, counters);
        } else {
            readLines(reportedName, InputNames.defaultSource(reportedName), stream, format, sink, counters);
        }
    }

    private void readFeed(String reportedName, InputStream in, String contentType, Consumer<NewsItem> sink,
                          IngestCounters counters) throws IOException {
        try {
            feedReader.read(reportedName, in, contentType, sink, counters);
        } catch (FeedFormatException e) {
            counters.read++;
            counters.skipped++;
            options.reporter().report(new BadLine(reportedName, BadLine.NO_LINE, e.reason()));
            counters.afterItem();
        }
    }

    /**
     * Whether the stream's first non-blank characters open a feed document. Reads byte by byte and stops at the
     * end of the first non-blank line's start, so a slow stream (a pipe fed line by line) is not waited on.
     */
    private static boolean startsLikeAFeed(BufferedInputStream in) throws IOException {
        in.mark(SNIFF_LIMIT + FEED_START_BYTES + 3);
        try {
            StringBuilder start = new StringBuilder();
            int b = in.read();
            if (b == 0xEF && in.read() == 0xBB && in.read() == 0xBF) {
                b = in.read();
            }
            for (int n = 0; b != -1 && n < SNIFF_LIMIT && start.isEmpty(); n++) {
                if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != '\f' && b != 0x0B) {
                    start.append((char) b);
                } else {
                    b = in.read();
                }
            }
            while (!start.isEmpty() && start.length() < FEED_START_BYTES) {
                b = in.read();
                if (b == -1 || b == '\n') {
                    break;
                }
                start.append((char) b);
            }
            return InputFormat.fromFirstLine(start.toString()) == InputFormat.FEED;
        } finally {
            in.reset();
        }
    }

    private void readLines(String reportedName, String source, InputStream in, InputFormat format,
                           Consumer<NewsItem> sink, IngestCounters counters) throws IOException {
        BoundedLineReader reader = new BoundedLineReader(in, options.maxLineBytes());
        Utf8LineDecoder decoder = new Utf8LineDecoder();
        NewsItemAssembler assembler = new NewsItemAssembler(source, options.clock());
        LineParser parser = format == InputFormat.AUTO ? null : parserFor(format);

        for (BoundedLineReader.RawLine raw = reader.next(); raw != null; raw = reader.next()) {
            if (isBlank(raw)) {
                continue;
            }
            counters.read++;
            try {
                String line = lineText(raw, decoder);
                requireNoBinary(line);
                if (parser == null) {
                    parser = parserFor(InputFormat.fromFirstLine(line));
                }
                NewsItem item = assembler.assemble(parser.parse(line));
                counters.publishOnce(item, seenIds, sink);
            } catch (BadLineException e) {
                counters.skipped++;
                options.reporter().report(new BadLine(reportedName, raw.number(), e.getMessage()));
            }
            counters.afterItem();
        }
    }

    /** The decoded line; a byte-order mark at the start of the input is dropped. */
    private String lineText(BoundedLineReader.RawLine raw, Utf8LineDecoder decoder) throws BadLineException {
        if (raw.oversize()) {
            throw new BadLineException("line is longer than " + options.maxLineBytes() + " bytes ("
                    + raw.length() + " bytes)");
        }
        String line = decoder.decode(raw.bytes());
        return raw.number() == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    // blank lines (ASCII whitespace only, or just the byte-order mark) are skipped silently and not counted
    private static boolean isBlank(BoundedLineReader.RawLine raw) {
        if (raw.oversize()) {
            return false;
        }
        byte[] bytes = raw.bytes();
        int from = raw.number() == 1 && startsWithByteOrderMark(bytes) ? 3 : 0;
        for (int i = from; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\f' && b != 0x0B) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithByteOrderMark(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    // a first line that looks like a feed but was not sniffed as one (past the sniff limit) is read as text
    private LineParser parserFor(InputFormat format) {
        if (format != InputFormat.JSONL) {
            return LineParser.TEXT;
        }
        if (jsonParser == null) {
            jsonParser = new JsonLineParser(options.maxNestingDepth());
        }
        return jsonParser;
    }

    // control characters other than tab, vertical tab, form feed and carriage return do not occur in news text
    private static void requireNoBinary(String line) throws BadLineException {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\f' && c != '\r' && c != 0x0B) || c == 0x7F) {
                throw new BadLineException(String.format(
                        "binary data: control character U+%04X at column %d", (int) c, i + 1));
            }
        }
    }
}
