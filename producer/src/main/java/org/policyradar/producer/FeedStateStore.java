package org.policyradar.producer;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Keeps the {@link FeedState} of every feed in a directory, one JSON file per feed named after a hash of its URL
 * ({@code feed-<hash>.json}). Files are replaced atomically (written to a temporary file in the same directory,
 * then moved over the old one), so a crash leaves either the old state or the new one, never half of one.
 */
final class FeedStateStore {

    /** The version of the file layout; a file of a newer version is not read. */
    static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private final Path dir;
    private final int maxKeys;

    FeedStateStore(Path dir, int maxKeys) {
        this.dir = dir;
        this.maxKeys = maxKeys;
    }

    /** The file that holds the state of {@code feed}. */
    Path fileFor(URI feed) {
        return dir.resolve("feed-" + ItemIds.ofText(feed.toString()).substring(0, 16) + ".json");
    }

    /** A state with no validators and no keys, for a feed never polled. */
    FeedState empty(URI feed) {
        return new FeedState(feed, maxKeys);
    }

    /**
     * The stored state of {@code feed}, or an empty one when none is stored.
     *
     * @throws IOException when the file cannot be read, is not a state file, or belongs to another feed; the
     *                     message names the file
     */
    FeedState load(URI feed) throws IOException {
        Path file = fileFor(feed);
        Stored stored;
        try {
            stored = JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), Stored.class);
        } catch (NoSuchFileException e) {
            return empty(feed);
        } catch (IOException e) {
            throw new IOException("feed state " + file + " is not readable: " + e.getMessage(), e);
        }
        if (stored == null || stored.version() != FORMAT_VERSION) {
            throw new IOException("feed state " + file + " has format version "
                    + (stored == null ? "none" : stored.version()) + ", expected " + FORMAT_VERSION);
        }
        if (!feed.toString().equals(stored.feed())) {
            throw new IOException("feed state " + file + " belongs to " + stored.feed() + ", not " + feed);
        }
        FeedState state = empty(feed);
        state.validators(new FeedFetcher.Validators(stored.etag(), stored.lastModified()));
        state.rememberAll(stored.seen() == null ? List.of() : stored.seen());
        return state;
    }

    /** Replaces the stored state of the feed atomically. */
    void save(FeedState state) throws IOException {
        Files.createDirectories(dir);
        Path file = fileFor(state.feed());
        Stored stored = new Stored(FORMAT_VERSION, state.feed().toString(), state.validators().etag(),
                state.validators().lastModified(), state.keys());
        Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.write(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(stored));
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The layout of a state file. */
    record Stored(int version, String feed, String etag, String lastModified, List<String> seen) {
    }
}
