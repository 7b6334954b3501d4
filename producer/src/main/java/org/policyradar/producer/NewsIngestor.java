package org.policyradar.producer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.policyradar.avro.NewsItem;

/**
 * Reads news inputs line by line, turns every good line into a normalised {@link NewsItem} and hands it to a sink
 * (typically a {@link NewsPublisher}). Bad lines are reported with input name, line number and reason, skipped and
 * counted; blank lines are skipped silently. Input is streamed: memory does not grow with the size of a file or of
 * a line (lines over {@link IngestOptions#maxLineBytes()} are skipped without being held).
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

    private final IngestOptions options;
    private final Set<String> seenIds = new HashSet<>();
    private JsonLineParser jsonParser;

    public NewsIngestor(IngestOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Reads every input in order: file paths, or {@value #STDIN} for standard input (which is not closed). Every
     * path is checked to be a readable file before anything is read, so a typo does not leave a half-published run.
     *
     * @return the counts over all inputs
     * @throws NoSuchFileException when an input does not exist
     * @throws IOException         when an input is not a readable file, or reading fails
     */
    public IngestSummary ingest(List<String> inputs, Consumer<NewsItem> sink) throws IOException {
        Objects.requireNonNull(sink, "sink");
        List<Path> paths = new ArrayList<>();
        for (String input : inputs) {
            paths.add(STDIN.equals(input) ? null : checkedPath(input));
        }
        Counters counters = new Counters();
        for (int i = 0; i < inputs.size(); i++) {
            Path path = paths.get(i);
            if (path == null) {
                read(STDIN_NAME, STDIN_NAME, System.in, sink, counters);
            } else {
                try (InputStream in = Files.newInputStream(path)) {
                    read(inputs.get(i), fileName(path.toString()), in, sink, counters);
                }
            }
        }
        return counters.summary();
    }

    /**
     * Reads one stream (a classpath resource, standard input, a download). {@code name} is used in reports as it
     * is; its last path segment is the default source of the items and its extension may give the format. The
     * stream is not closed.
     */
    public IngestSummary ingest(String name, InputStream in, Consumer<NewsItem> sink) throws IOException {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sink, "sink");
        Counters counters = new Counters();
        read(name, fileName(name), in, sink, counters);
        return counters.summary();
    }

    private static Path checkedPath(String input) throws IOException {
        Path path = Path.of(input);
        if (!Files.exists(path)) {
            throw new NoSuchFileException(input, null, "no such news input");
        }
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new IOException(input + ": not a readable file");
        }
        return path;
    }

    private static String fileName(String name) {
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        String last = name.substring(slash + 1);
        return last.isEmpty() ? name : last;
    }

    private void read(String reportedName, String source, InputStream in, Consumer<NewsItem> sink, Counters counters)
            throws IOException {
        BoundedLineReader reader = new BoundedLineReader(in, options.maxLineBytes());
        Utf8LineDecoder decoder = new Utf8LineDecoder();
        NewsItemAssembler assembler = new NewsItemAssembler(source, options.clock());
        InputFormat format = options.format() != InputFormat.AUTO ? options.format() : InputFormat.fromFileName(source);
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
                if (seenIds.contains(item.getId())) {
                    counters.duplicates++;
                } else {
                    sink.accept(item);
                    seenIds.add(item.getId());
                    counters.published++;
                }
            } catch (BadLineException e) {
                counters.skipped++;
                options.reporter().report(new BadLine(reportedName, raw.number(), e.getMessage()));
            }
            if (counters.read % options.progressEvery() == 0) {
                options.progress().onProgress(counters.summary());
            }
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

    /** Mutable counts of one ingest call. */
    private final class Counters {
        long read;
        long published;
        long skipped;
        long duplicates;

        IngestSummary summary() {
            return new IngestSummary(read, published, skipped, duplicates, options.strict());
        }
    }
}
