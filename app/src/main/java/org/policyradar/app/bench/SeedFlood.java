package org.policyradar.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.policyradar.app.pipeline.NewsIngestion;

/**
 * A flood of reports: every one of {@code outlets} outlets reports each of the bundled seed stories, as JSON
 * Lines for {@code run --input}. Outlet {@code n} publishes {@code n * 30} seconds after the start (500 outlets in
 * about four hours of one day), its stories a second apart. In {@code time} order the lines come as a live feed
 * brings them; {@code shuffled} is a backfill in no order at all.
 */
public final class SeedFlood {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A fixed start, in the past, so that the file is the same on every machine and every day. */
    public static final Instant START = Instant.parse("2026-11-20T06:00:00Z");

    private SeedFlood() {
    }

    /** The flood's lines; {@code shuffleSeed} null keeps publication order. */
    public static List<String> lines(int outlets, Long shuffleSeed) throws IOException {
        List<String> stories = seedLines();
        List<String> lines = new ArrayList<>(outlets * stories.size());
        for (int outlet = 0; outlet < outlets; outlet++) {
            for (int story = 0; story < stories.size(); story++) {
                String name = String.format("outlet-%03d", outlet);
                Instant published = START.plus(Duration.ofSeconds(30L * outlet + story));
                ObjectNode item = JSON.createObjectNode();
                item.put("id", name + "-s" + (story + 1));
                item.put("source", name);
                item.put("url", "https://" + name + ".example/news/" + (story + 1));
                item.put("published_at", published.toString());
                item.put("text", stories.get(story));
                lines.add(item.toString());
            }
        }
        if (shuffleSeed != null) {
            Collections.shuffle(lines, new Random(shuffleSeed));
        }
        return lines;
    }

    private static List<String> seedLines() throws IOException {
        try (InputStream in = SeedFlood.class.getResourceAsStream(NewsIngestion.SEED_RESOURCE)) {
            if (in == null) {
                throw new IOException("bundled seed news missing: " + NewsIngestion.SEED_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty()).toList();
        }
    }
}
