package org.policyradar.producer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.policyradar.avro.NewsItem;

/** Helpers for producer tests: fixed times, JSON lines, inputs and recorded runs (news items: the testkit's). */
final class TestNews {

    static final Instant NOW = Instant.parse("2025-02-01T12:00:00Z");
    static final Clock FIXED_CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TestNews() {
    }

    /** A JSON line with a headline and a summary and nothing else. */
    static JsonLine aJsonLine() {
        return new JsonLine()
                .with("headline", "County sheriff limits detainer requests")
                .with("summary", "The sheriff said deputies will not hold people for immigration agents.");
    }

    /** A JSON line with no fields at all. */
    static JsonLine anEmptyJsonLine() {
        return new JsonLine();
    }

    /** Builds one JSON object, field by field, in order. */
    static final class JsonLine {
        private final ObjectNode node = MAPPER.createObjectNode();

        JsonLine with(String field, Object value) {
            node.set(field, MAPPER.valueToTree(value));
            return this;
        }

        JsonLine without(String field) {
            node.remove(field);
            return this;
        }

        @Override
        public String toString() {
            return node.toString();
        }
    }

    /** The lines joined with '\n' and encoded as UTF-8, with a final newline. */
    static byte[] utf8Lines(Object... lines) {
        StringBuilder sb = new StringBuilder();
        for (Object line : lines) {
            sb.append(line).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Concatenates byte chunks, e.g. good lines around a line of raw bytes. */
    static byte[] bytes(byte[]... chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] chunk : chunks) {
            out.writeBytes(chunk);
        }
        return out.toByteArray();
    }

    static byte[] bytes(int... values) {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }

    /** Options with the fixed clock and a reporter that records into {@code run}. */
    static IngestOptions.Builder optionsRecordingInto(Run run) {
        return IngestOptions.builder().clock(FIXED_CLOCK).reporter(run.badLines::add);
    }

    /** Ingests {@code content} as a stream called {@code name} with default options and the fixed clock. */
    static Run ingest(String name, byte[] content) {
        Run run = new Run();
        return run.ingest(new NewsIngestor(optionsRecordingInto(run).build()), name, content);
    }

    /** What one or more ingest calls produced. */
    static final class Run {
        final List<NewsItem> items = new ArrayList<>();
        final List<BadLine> badLines = new ArrayList<>();
        IngestSummary summary;

        Run ingest(NewsIngestor ingestor, String name, byte[] content) {
            try {
                summary = ingestor.ingest(name, new ByteArrayInputStream(content), items::add);
                return this;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        NewsItem onlyItem() {
            if (items.size() != 1) {
                throw new AssertionError("expected one item, got " + items.size() + ": " + items + " bad: " + badLines);
            }
            return items.get(0);
        }

        List<String> texts() {
            return items.stream().map(NewsItem::getText).toList();
        }
    }
}
