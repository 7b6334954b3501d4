package org.policyradar.producer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-feed state file: round trips, the bound on keys, atomic replacement, refusing foreign files. */
class FeedStateStoreTest {

    private static final URI FEED = URI.create("https://news.example.org/rss");

    @TempDir
    Path dir;

    @Test
    void shouldReadBackWhatItSaved() throws IOException {
        FeedStateStore store = new FeedStateStore(dir, 100);
        FeedState state = store.load(FEED);
        state.validators(new FeedFetcher.Validators("\"abc\"", "Wed, 05 Feb 2025 12:00:00 GMT"));
        state.rememberAll(List.of("guid:1", "link:https://news.example.org/2"));

        store.save(state);
        FeedState loaded = store.load(FEED);

        assertThat(loaded.validators()).isEqualTo(state.validators());
        assertThat(loaded.keys()).containsExactly("guid:1", "link:https://news.example.org/2");
        JsonNode json = new ObjectMapper().readTree(store.fileFor(FEED).toFile());
        assertThat(json.get("feed").asText()).isEqualTo(FEED.toString());
        assertThat(json.get("etag").asText()).isEqualTo("\"abc\"");
    }

    @Test
    void shouldStartEmptyForAFeedNeverSaved() throws IOException {
        FeedState state = new FeedStateStore(dir, 100).load(FEED);

        assertThat(state.keys()).isEmpty();
        assertThat(state.validators()).isEqualTo(FeedFetcher.Validators.NONE);
    }

    @Test
    void shouldForgetTheLeastRecentlySeenKeysBeyondTheBound() {
        FeedState state = new FeedState(FEED, 3);

        state.rememberAll(List.of("a", "b", "c"));
        state.remember("a");
        state.remember("d");

        assertThat(state.keys()).containsExactly("c", "a", "d");
        assertThat(state.hasSeen("b")).isFalse();
    }

    @Test
    void shouldReplaceTheFileWithoutLeavingTemporaryFiles() throws IOException {
        FeedStateStore store = new FeedStateStore(dir, 100);
        FeedState state = store.load(FEED);
        store.save(state);
        state.remember("guid:later");
        store.save(state);

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(store.fileFor(FEED));
        }
        assertThat(store.load(FEED).keys()).containsExactly("guid:later");
    }

    @Test
    void shouldRefuseAStateFileOfAnotherFeed() throws IOException {
        FeedStateStore store = new FeedStateStore(dir, 100);
        Files.writeString(store.fileFor(FEED), "{\"version\":1,\"feed\":\"https://other.example/\",\"seen\":[]}");

        assertThatThrownBy(() -> store.load(FEED)).isInstanceOf(IOException.class)
                .hasMessageContaining("belongs to https://other.example/");
    }

    @Test
    void shouldRefuseAStateFileOfAnUnknownVersion() throws IOException {
        FeedStateStore store = new FeedStateStore(dir, 100);
        Files.writeString(store.fileFor(FEED), "{\"version\":2,\"feed\":\"" + FEED + "\"}");

        assertThatThrownBy(() -> store.load(FEED)).isInstanceOf(IOException.class)
                .hasMessageContaining("has format version 2, expected 1");
    }
}
