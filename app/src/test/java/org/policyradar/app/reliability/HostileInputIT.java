package org.policyradar.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.policyradar.app.pipeline.NewsIngestion;
import org.policyradar.app.pipeline.StreamsPipeline;
import org.policyradar.avro.NewsItem;
import org.policyradar.producer.BadLine;
import org.policyradar.producer.IngestOptions;
import org.policyradar.registry.serde.SpecificAvroSerde;
import org.policyradar.streams.enrich.RuleSet;
import org.policyradar.streams.topology.DetectionSettings;
import org.policyradar.streams.topology.StreamsRunner;
import org.policyradar.testkit.EmbeddedStack;
import org.policyradar.testkit.TopicRecords;
import org.policyradar.topics.Topics;

/**
 * Hostile input files through the whole producer path ({@link NewsIngestion#publish}) to a real broker: invalid
 * UTF-8, a 10 MB line, deeply nested JSON, fields of the wrong type, binary garbage and an empty file. Every bad
 * line is reported with its file, line and reason; every good line around them reaches news.items.v1, once;
 * nothing throws. And items with hostile dates (far future, before 1970) through the Streams application too: they
 * are refused, and the application keeps running.
 */
class HostileInputIT {

    private static final int TEN_MEGABYTES = 10 * 1024 * 1024;
    private static final String DATED = "dated-";

    @TempDir
    static Path dir;

    @RegisterExtension
    static final EmbeddedStack STACK = new EmbeddedStack();
    private static Map<String, Object> config;

    @BeforeAll
    static void startStack() {
        config = STACK.clientConfig();
    }

    @Test
    void shouldReportEveryHostileLinePublishEveryGoodLineAndNotCrash() throws Exception {
        List<String> good = new ArrayList<>();
        Path invalidUtf8 = write("invalid-utf8.txt", line(good("The Denver council limited jail cooperation.", good)),
                bytes("A broken byte sequence ", new byte[] {(byte) 0xC3, 0x28}, " in the middle\n"),
                line(good("Denver police will not hold people for immigration agents.", good)));
        Path hugeLine;
        try (OutputStream out = Files.newOutputStream(dir.resolve("huge-line.txt"))) {
            out.write(line(good("A sheriff in Texas joined a 287(g) agreement.", good)));
            byte[] block = new byte[1024 * 1024];
            Arrays.fill(block, (byte) 'x');
            for (int written = 0; written < TEN_MEGABYTES; written += block.length) {
                out.write(block);
            }
            out.write('\n');
            out.write(line(good("The Justice Department sued Illinois over its sanctuary law.", good)));
            hugeLine = dir.resolve("huge-line.txt");
        }
        Path nested = write("nested.jsonl", line(json(good("Boston kept its Trust Act in force.", good))),
                line("{\"text\": \"deep\", \"extra\": " + "[".repeat(20_000) + "]".repeat(20_000) + "}"),
                line(json(good("Chicago refused to share data with ICE.", good))));
        Path wrongTypes = write("wrong-types.jsonl", line(json(good("Oregon expanded its sanctuary statute.", good))),
                line("{\"text\": 42}"),
                line("{\"summary\": [\"a list\", \"of strings\"], \"headline\": \"Wrong shape\"}"),
                line("{\"text\": \"A date that is a boolean\", \"published_at\": true}"),
                line(json(good("Seattle schools barred immigration agents without a warrant.", good))));
        byte[] garbage = new byte[4096];
        new Random(20260201).nextBytes(garbage);
        for (int i = 0; i < garbage.length; i++) {
            if (garbage[i] == '\n' || garbage[i] == '\r') {
                garbage[i] = 0;
            }
        }
        // 0xFF never occurs in UTF-8: the line is garbage whatever the random bytes after it
        garbage[0] = (byte) 0xFF;
        Path binary = write("garbage.bin", garbage, new byte[] {'\n'},
                line(good("Miami-Dade commissioners voted to honor ICE detainers.", good)));
        Path empty = write("empty.txt");

        List<BadLine> bad = Collections.synchronizedList(new ArrayList<>());
        IngestOptions options = IngestOptions.builder().reporter(bad::add).build();
        NewsIngestion.Result result = NewsIngestion.publish(List.of(invalidUtf8.toString(), hugeLine.toString(),
                nested.toString(), wrongTypes.toString(), binary.toString(), empty.toString()), options, config);

        assertThat(bad).extracting(b -> Path.of(b.input()).getFileName().toString(), BadLine::lineNumber)
                .containsExactly(
                        tuple("invalid-utf8.txt", 2L),
                        tuple("huge-line.txt", 2L),
                        tuple("nested.jsonl", 2L),
                        tuple("wrong-types.jsonl", 2L), tuple("wrong-types.jsonl", 3L), tuple("wrong-types.jsonl", 4L),
                        tuple("garbage.bin", 1L));
        assertThat(bad).extracting(BadLine::reason).satisfiesExactly(
                reason -> assertThat(reason).startsWith("invalid UTF-8"),
                reason -> assertThat(reason).startsWith("line is longer than " + IngestOptions.DEFAULT_MAX_LINE_BYTES
                        + " bytes"),
                reason -> assertThat(reason).startsWith("JSON nested deeper than"),
                reason -> assertThat(reason).isEqualTo("field \"text\" must be a string, not a number"),
                reason -> assertThat(reason).isEqualTo("field \"summary\" must be a string, not an array"),
                reason -> assertThat(reason).isEqualTo("field \"published_at\" must be a string, not a boolean"),
                reason -> assertThat(reason).startsWith("invalid UTF-8"));
        assertThat(result.failedToPublish()).isZero();
        assertThat(result.summary().published()).isEqualTo(good.size());
        assertThat(result.summary().skipped()).isEqualTo(bad.size());

        SpecificAvroSerde<NewsItem> serde = new SpecificAvroSerde<>();
        serde.configure(config, false);
        List<ConsumerRecord<String, NewsItem>> published = TopicRecords.readAll(config, Topics.NEWS_ITEMS,
                new StringDeserializer(), serde.deserializer());
        // the other test of this class publishes items of its own, with ids of its own
        assertThat(published).filteredOn(record -> !record.key().startsWith(DATED))
                .extracting(record -> record.value().getText()).containsExactlyInAnyOrderElementsOf(good);
    }

    /**
     * Items dated in 2099 (a typo, a wrong time zone, an attack) and in the year 1. Their outputs would carry that
     * event time as their timestamp: a negative one no Kafka record may have, or one the broker refuses
     * (message.timestamp.after.max.ms, one hour by default). Each must be refused, reported by the producer or
     * dead-lettered by the Streams application, which keeps running and processes the good items around them.
     * One application sees both: news.items.v1 keeps everything, so a later application on this stack would read
     * them again anyway.
     */
    @Test
    void shouldRefuseItemsDatedFarInTheFutureOrBeforeTheEpochAndKeepTheStreamsApplicationRunning() throws Exception {
        String applicationId = "hostile-dates-it";
        List<String> hostileIds = List.of(DATED + "2099", DATED + "0001");
        // the good items are recent: older ones would lose their outputs to the broker's time-based retention
        Instant recent = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.HOURS);
        Path input = write("dated.jsonl",
                line(jsonItem(DATED + "ok-1", "Portland police will not enforce civil immigration warrants.",
                        recent.toString())),
                line(jsonItem(hostileIds.get(0), "A county sheriff refused ICE detainers, in a story dated 2099.",
                        "2099-01-01T00:00:00Z")),
                line(jsonItem(hostileIds.get(1), "A city council limited data sharing with ICE, in a story dated in "
                        + "the year 1.", "0001-01-01T00:00:00Z")),
                line(jsonItem(DATED + "ok-2", "Austin kept its policy on immigration holds.",
                        recent.plus(Duration.ofHours(1)).toString())));
        List<BadLine> bad = Collections.synchronizedList(new ArrayList<>());
        try (StreamsRunner runner = StreamsPipeline.start(config, applicationId, dir.resolve("state"),
                DetectionSettings.DEFAULTS, RuleSet.loadDefault())) {
            NewsIngestion.Result result = NewsIngestion.publish(List.of(input.toString()),
                    IngestOptions.builder().reporter(bad::add).build(), config);
            assertThat(result.failedToPublish()).isZero();
            PipelineWaits.awaitIdle(config, applicationId, () -> !runner.failed(),
                    () -> "Streams state " + runner.state() + ", failed " + runner.failed());

            assertThat(runner.failed()).as("the Streams application died on a hostile date").isFalse();
            Set<String> enriched = keysOf(Topics.NEWS_ENRICHED);
            Set<String> deadLetters = keysOf(Topics.NEWS_DLQ);
            assertThat(enriched).contains(DATED + "ok-1", DATED + "ok-2").doesNotContainAnyElementsOf(hostileIds);
            for (int i = 0; i < hostileIds.size(); i++) {
                long line = i + 2;
                boolean reported = bad.stream().anyMatch(b -> b.lineNumber() == line);
                assertThat(reported || deadLetters.contains(hostileIds.get(i)))
                        .as("%s reported (bad lines %s) or dead-lettered (%s)", hostileIds.get(i), bad, deadLetters)
                        .isTrue();
            }
        }
    }

    private static Set<String> keysOf(String topic) {
        Set<String> keys = new HashSet<>();
        TopicRecords.readAll(config, topic, new StringDeserializer(), new ByteArrayDeserializer())
                .forEach(record -> keys.add(record.key()));
        return keys;
    }

    private static String jsonItem(String id, String text, String publishedAt) {
        return "{\"id\": \"" + id + "\", \"text\": \"" + text + "\", \"published_at\": \"" + publishedAt + "\"}";
    }

    /** Adds {@code text} to the good lines and returns it. */
    private static String good(String text, List<String> good) {
        good.add(text);
        return text;
    }

    private static String json(String text) {
        return "{\"text\": \"" + text + "\"}";
    }

    private static byte[] line(String text) {
        return (text + "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String before, byte[] middle, String after) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(before.getBytes(StandardCharsets.UTF_8));
        out.write(middle);
        out.write(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static Path write(String name, byte[]... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.write(part);
        }
        return Files.write(dir.resolve(name), out.toByteArray());
    }
}
