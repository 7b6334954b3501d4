package org.policyradar.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.policyradar.producer.TestNews.aJsonLine;
import static org.policyradar.producer.TestNews.anEmptyJsonLine;
import static org.policyradar.producer.TestNews.bytes;
import static org.policyradar.producer.TestNews.ingest;
import static org.policyradar.producer.TestNews.utf8Lines;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.policyradar.avro.NewsItem;
import org.policyradar.topics.NewsItemLimits;

/** Every kind of bad line is reported with its line number and reason, and the good lines around it still count. */
class BadLinesTest {

    private static final String BEFORE = "Good item before.";
    private static final String AFTER = "Good item after.";

    /** A good JSON line, the line under test, a good JSON line; returns the run. */
    private static TestNews.Run jsonAround(Object badLine) {
        return ingest("feed.jsonl", utf8Lines(
                aJsonLine().with("summary", BEFORE), badLine, aJsonLine().with("summary", AFTER)));
    }

    private static void assertOnlyLineTwoBad(TestNews.Run run, String reason) {
        assertThat(run.texts()).containsExactly(BEFORE, AFTER);
        assertThat(run.badLines).containsExactly(new BadLine("feed.jsonl", 2, reason));
        assertThat(run.summary).isEqualTo(new IngestSummary(3, 2, 1, 0, false));
    }

    @Test
    void shouldReportInvalidJson() {
        assertOnlyLineTwoBad(jsonAround("{\"summary\": \"unterminated"),
                "invalid JSON at column 26: Unexpected end-of-input: was expecting closing quote for a string value");
    }

    @Test
    void shouldReportAnythingAfterTheJsonObject() {
        TestNews.Run run = ingest("feed.jsonl", utf8Lines(
                aJsonLine().with("summary", BEFORE),
                "{\"summary\": \"x\"} {\"summary\": \"y\"}",
                "{\"summary\": \"x\"} and more",
                aJsonLine().with("summary", AFTER)));

        assertThat(run.texts()).containsExactly(BEFORE, AFTER);
        assertThat(run.badLines).extracting(BadLine::lineNumber).containsExactly(2L, 3L);
        assertThat(run.badLines.get(0).reason())
                .startsWith("invalid JSON at column 18: Trailing token (of type START_OBJECT) found after value");
        assertThat(run.badLines.get(1).reason()).isEqualTo("invalid JSON at column 18: Unrecognized token 'and': "
                + "was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
    }

    @Test
    void shouldReportDuplicateFieldNames() {
        TestNews.Run run = jsonAround("{\"summary\": \"one\", \"summary\": \"two\"}");

        assertThat(run.badLines).singleElement().satisfies(bad -> {
            assertThat(bad.lineNumber()).isEqualTo(2);
            assertThat(bad.reason()).startsWith("invalid JSON").contains("Duplicate field 'summary'");
        });
        assertThat(run.texts()).containsExactly(BEFORE, AFTER);
    }

    @Test
    void shouldReportJsonThatIsNotAnObject() {
        TestNews.Run run = ingest("feed.jsonl", utf8Lines(
                aJsonLine().with("summary", BEFORE), "[\"a\", \"b\"]", "\"a string\"", "42", "null",
                aJsonLine().with("summary", AFTER)));

        assertThat(run.texts()).containsExactly(BEFORE, AFTER);
        assertThat(run.badLines).containsExactly(
                new BadLine("feed.jsonl", 2, "JSON line is an array, not an object"),
                new BadLine("feed.jsonl", 3, "JSON line is a string, not an object"),
                new BadLine("feed.jsonl", 4, "JSON line is a number, not an object"),
                new BadLine("feed.jsonl", 5, "JSON line is null, not an object"));
    }

    @Test
    void shouldReportALineWithoutTextOrHeadline() {
        TestNews.Run run = ingest("feed.jsonl", utf8Lines(
                aJsonLine().with("summary", BEFORE),
                anEmptyJsonLine().with("source", "Wire").with("language", "en"),
                anEmptyJsonLine().with("summary", "   ").with("body", ""),
                anEmptyJsonLine().with("summary", "<p>&nbsp;</p><br>"),
                "{}",
                aJsonLine().with("summary", AFTER)));

        assertThat(run.texts()).containsExactly(BEFORE, AFTER);
        assertThat(run.badLines).containsExactly(
                new BadLine("feed.jsonl", 2, "no text: none of the fields headline, title, summary, body or text has any"),
                new BadLine("feed.jsonl", 3, "no text: none of the fields headline, title, summary, body or text has any"),
                new BadLine("feed.jsonl", 4,
                        "no text: nothing readable is left after removing markup and whitespace"),
                new BadLine("feed.jsonl", 5, "no text: none of the fields headline, title, summary, body or text has any"));
    }

    @Test
    void shouldReportAnUnparseableDate() {
        TestNews.Run run = ingest("feed.jsonl", utf8Lines(
                aJsonLine().with("summary", BEFORE),
                aJsonLine().with("published_at", "yesterday"),
                aJsonLine().with("published_at", "2025-13-45"),
                aJsonLine().with("published_at", "+12025-01-01T00:00:00Z"),
                aJsonLine().with("summary", AFTER)));

        assertThat(run.texts()).containsExactly(BEFORE, AFTER);
        assertThat(run.badLines).containsExactly(
                new BadLine("feed.jsonl", 2, "unparseable published_at \"yesterday\": expected an ISO-8601 date "
                        + "or date-time, e.g. 2025-01-24T10:00:00Z"),
                new BadLine("feed.jsonl", 3, "unparseable published_at \"2025-13-45\": expected an ISO-8601 date "
                        + "or date-time, e.g. 2025-01-24T10:00:00Z"),
                new BadLine("feed.jsonl", 4,
                        "published_at \"+12025-01-01T00:00:00Z\" is outside the years 1 to 9999"));
    }

    @Test
    void shouldReportFieldsOfTheWrongType() {
        TestNews.Run run = ingest("feed.jsonl", utf8Lines(
                aJsonLine().with("summary", BEFORE),
                aJsonLine().with("headline", 12),
                aJsonLine().with("headline", java.util.Map.of("text", "nested")),
                aJsonLine().with("summary", List.of("a", "b")),
                aJsonLine().with("published_at", 1737712800000L),
                aJsonLine().with("source", true),
                aJsonLine().with("id", java.util.Map.of("value", 1)),
                aJsonLine().with("id", 1.5),
                aJsonLine().with("url", List.of()),
                aJsonLine().with("language", 7),
                aJsonLine().with("summary", AFTER)));

        assertThat(run.texts()).containsExactly(BEFORE, AFTER);
        assertThat(run.badLines).extracting(BadLine::lineNumber, BadLine::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(2L, "field \"headline\" must be a string, not a number"),
                org.assertj.core.groups.Tuple.tuple(3L, "field \"headline\" must be a string, not an object"),
                org.assertj.core.groups.Tuple.tuple(4L, "field \"summary\" must be a string, not an array"),
                org.assertj.core.groups.Tuple.tuple(5L, "field \"published_at\" must be a string, not a number"),
                org.assertj.core.groups.Tuple.tuple(6L, "field \"source\" must be a string, not a boolean"),
                org.assertj.core.groups.Tuple.tuple(7L, "field \"id\" must be a string or an integer, not an object"),
                org.assertj.core.groups.Tuple.tuple(8L, "field \"id\" must be a string or an integer, not a number"),
                org.assertj.core.groups.Tuple.tuple(9L, "field \"url\" must be a string, not an array"),
                org.assertj.core.groups.Tuple.tuple(10L, "field \"language\" must be a string, not a number"));
        assertThat(run.summary).isEqualTo(new IngestSummary(11, 2, 9, 0, false));
    }

    @Test
    void shouldReportJsonNestedThousandsDeepWithoutFailing() {
        String deep = "{\"summary\": \"x\", \"meta\": " + "[".repeat(1000) + "]".repeat(1000) + "}";

        assertOnlyLineTwoBad(jsonAround(deep), "JSON nested deeper than 32 levels");
    }

    @Test
    void shouldKeepModeratelyNestedAttributes() {
        String nested = "{\"summary\": \"Nested story\", \"meta\": {\"a\": {\"b\": {\"c\": [1, [2, [3]]]}}}}";

        NewsItem item = ingest("feed.jsonl", utf8Lines(nested)).onlyItem();

        assertThat(item.getAttributes()).containsEntry("meta", "{\"a\":{\"b\":{\"c\":[1,[2,[3]]]}}}");
    }

    @Test
    void shouldReportInvalidUtf8AndKeepReadingTheFollowingLines() {
        byte[] content = bytes(
                utf8Lines(BEFORE),
                bytes('B', 'a', 'd', ' ', 0xC3, 0x28, '\n'),              // 0xC3 needs a continuation byte
                bytes(0xC0, 0xAF, '\n'),                                // overlong encoding of '/'
                bytes('x', 0x80, '\n'),                                 // lone continuation byte
                bytes('e', 'n', 'd', 's', 0xE2, 0x82, '\n'),            // truncated three-byte sequence
                bytes(0xED, 0xA0, 0x80, '\n'),                          // an encoded surrogate
                utf8Lines(AFTER));

        TestNews.Run run = ingest("news.txt", content);

        assertThat(run.texts()).containsExactly(BEFORE, AFTER);
        assertThat(run.badLines).containsExactly(
                new BadLine("news.txt", 2, "invalid UTF-8: malformed byte sequence at byte 5 (0xC3)"),
                new BadLine("news.txt", 3, "invalid UTF-8: malformed byte sequence at byte 1 (0xC0)"),
                new BadLine("news.txt", 4, "invalid UTF-8: malformed byte sequence at byte 2 (0x80)"),
                new BadLine("news.txt", 5, "invalid UTF-8: malformed byte sequence at byte 5 (0xE282)"),
                new BadLine("news.txt", 6, "invalid UTF-8: malformed byte sequence at byte 1 (0xEDA080)"));
        assertThat(run.summary).isEqualTo(new IngestSummary(7, 2, 5, 0, false));
    }

    @Test
    void shouldReportATenMegabyteLineWithoutHoldingIt() {
        long tenMegabytes = 10L * 1024 * 1024;
        InputStream content = new SequenceInputStream(Collections.enumeration(List.of(
                new java.io.ByteArrayInputStream(utf8Lines(BEFORE)),
                new RepeatedByteStream('x', tenMegabytes),
                new java.io.ByteArrayInputStream(utf8Lines("", AFTER)))));
        TestNews.Run run = new TestNews.Run();
        NewsIngestor ingestor = new NewsIngestor(TestNews.optionsRecordingInto(run).build());

        IngestSummary summary;
        try {
            summary = ingestor.ingest("big.txt", content, run.items::add);
        } catch (IOException e) {
            throw new AssertionError(e);
        }

        assertThat(run.texts()).containsExactly(BEFORE, AFTER);
        assertThat(run.badLines).containsExactly(
                new BadLine("big.txt", 2, "line is longer than 65536 bytes (10485760 bytes)"));
        assertThat(summary).isEqualTo(new IngestSummary(3, 2, 1, 0, false));
    }

    @Test
    void shouldPassALineOfExactlyTheLimitOnToTheItemLimitsAndRefuseALongerOneAsALine() {
        String longest = "y".repeat(IngestOptions.DEFAULT_MAX_LINE_BYTES);
        String withinItemLimits = "y".repeat(NewsItemLimits.MAX_TEXT_CHARS);

        TestNews.Run run = ingest("news.txt", bytes(utf8Lines(longest), (longest + "y\r\n").getBytes(
                StandardCharsets.UTF_8), utf8Lines(withinItemLimits)));

        assertThat(run.texts()).containsExactly(withinItemLimits);
        assertThat(run.badLines).containsExactly(
                new BadLine("news.txt", 1, "text is " + longest.length() + " characters long, more than the limit of "
                        + NewsItemLimits.MAX_TEXT_CHARS),
                new BadLine("news.txt", 2, "line is longer than 65536 bytes (65538 bytes)"));
    }

    @Test
    void shouldReportBinaryGarbage() {
        byte[] garbage = new byte[300];
        new Random(20250201L).nextBytes(garbage);
        for (int i = 0; i < garbage.length; i++) {
            if (garbage[i] == '\n') {
                garbage[i] = 0;     // keeps the garbage on one line
            }
        }

        TestNews.Run run = ingest("news.txt", bytes(utf8Lines(BEFORE), garbage, utf8Lines("", AFTER)));

        assertThat(run.texts()).containsExactly(BEFORE, AFTER);
        assertThat(run.badLines).singleElement().satisfies(bad -> {
            assertThat(bad.lineNumber()).isEqualTo(2);
            assertThat(bad.reason()).startsWith("invalid UTF-8: malformed byte sequence at byte ");
        });
    }

    @Test
    void shouldReportControlCharactersThatAreValidUtf8AsBinary() {
        TestNews.Run run = ingest("news.txt", bytes(
                utf8Lines(BEFORE), bytes('P', 'K', 0x03, 0x04, 0x00, 0x00, '\n'), utf8Lines(AFTER)));

        assertThat(run.texts()).containsExactly(BEFORE, AFTER);
        assertThat(run.badLines).containsExactly(
                new BadLine("news.txt", 2, "binary data: control character U+0003 at column 3"));
    }

    @Test
    void shouldReportAnUnpairedSurrogateFromAJsonEscape() {
        assertOnlyLineTwoBad(jsonAround("{\"summary\": \"broken \\ud800 text\"}"),
                "invalid Unicode in text: unpaired surrogate U+D800");
    }

    @Test
    void shouldReadAnEmptyInputAsNoItems() {
        TestNews.Run run = ingest("empty.jsonl", new byte[0]);

        assertThat(run.items).isEmpty();
        assertThat(run.badLines).isEmpty();
        assertThat(run.summary).isEqualTo(new IngestSummary(0, 0, 0, 0, false));
        assertThat(run.summary.successful()).isTrue();
    }

    @Test
    void shouldReportToStandardErrorByDefaultAsFileLineReason() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        List<NewsItem> items = new ArrayList<>();
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            new NewsIngestor(IngestOptions.builder().clock(TestNews.FIXED_CLOCK).build())
                    .ingest("feed.jsonl", new java.io.ByteArrayInputStream(utf8Lines(
                            aJsonLine(), "not json", aJsonLine().with("headline", 3))), items::add);
        } finally {
            System.setErr(originalErr);
        }

        assertThat(items).hasSize(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
                "feed.jsonl:2: invalid JSON at column 1: Unrecognized token 'not': was expecting "
                        + "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')"
                        + System.lineSeparator()
                        + "feed.jsonl:3: field \"headline\" must be a string, not a number" + System.lineSeparator());
    }

    /** Produces {@code count} copies of one byte without ever holding them. */
    private static final class RepeatedByteStream extends InputStream {
        private final int value;
        private long remaining;

        RepeatedByteStream(int value, long count) {
            this.value = value;
            this.remaining = count;
        }

        @Override
        public int read() {
            if (remaining == 0) {
                return -1;
            }
            remaining--;
            return value;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(len, remaining);
            java.util.Arrays.fill(b, off, off + n, (byte) value);
            remaining -= n;
            return n;
        }
    }
}
