package org.policyradar.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {

    private static List<BoundedLineReader.RawLine> lines(String content, int max) throws IOException {
        BoundedLineReader reader = new BoundedLineReader(
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), max);
        List<BoundedLineReader.RawLine> lines = new ArrayList<>();
        for (BoundedLineReader.RawLine line = reader.next(); line != null; line = reader.next()) {
            lines.add(line);
        }
        return lines;
    }

    private static List<String> texts(List<BoundedLineReader.RawLine> lines) {
        return lines.stream().map(l -> new String(l.bytes(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void shouldSplitOnNewlinesAndStripCarriageReturns() throws IOException {
        List<BoundedLineReader.RawLine> lines = lines("a\r\nbb\n\nccc", 100);

        assertThat(texts(lines)).containsExactly("a", "bb", "", "ccc");
        assertThat(lines).extracting(BoundedLineReader.RawLine::number).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void shouldReadNothingFromAnEmptyStream() throws IOException {
        assertThat(lines("", 100)).isEmpty();
    }

    @Test
    void shouldNotInventALineAfterAFinalNewline() throws IOException {
        assertThat(texts(lines("a\nb\n", 100))).containsExactly("a", "b");
    }

    @Test
    void shouldDropTheBytesOfAnOversizeLineButCountItsLength() throws IOException {
        List<BoundedLineReader.RawLine> lines = lines("12345\n" + "x".repeat(40_000) + "\nend", 8);

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0).oversize()).isFalse();
        assertThat(lines.get(1).oversize()).isTrue();
        assertThat(lines.get(1).bytes()).isEmpty();
        assertThat(lines.get(1).length()).isEqualTo(40_000);
        assertThat(new String(lines.get(2).bytes(), StandardCharsets.UTF_8)).isEqualTo("end");
    }

    @Test
    void shouldNotCountTheCarriageReturnAgainstTheLimit() throws IOException {
        List<BoundedLineReader.RawLine> lines = lines("12345678\r\n123456789\r\n", 8);

        assertThat(lines).extracting(BoundedLineReader.RawLine::oversize).containsExactly(false, true);
        assertThat(texts(lines.subList(0, 1))).containsExactly("12345678");
    }
}
