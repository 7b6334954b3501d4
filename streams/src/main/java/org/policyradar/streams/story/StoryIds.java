package org.policyradar.streams.story;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.policyradar.avro.PolicyPosition;

/**
 * Gives an item its story id from the item alone: articles with the same {@link StorySignature} (same
 * department or government, instrument family, stance, topic and place) published in the same story window are
 * one story, whichever outlet wrote them and however they phrased it.
 *
 * <p>Why not cluster by text similarity: a clustering decided article by article depends on which article came
 * first, and then so would story ids, conflict ids and the compacted conflicts topic — a replay with other
 * partition counts, or a shuffled input, would give other ids. A pure function of the item gives the same ids on
 * every replay, at any scale. The price: two different announcements with the same signature in one window are
 * one story (one conflict instead of two), and one story that straddles a window boundary is two. Windows are
 * aligned on the epoch so every instance agrees on them.
 */
public final class StoryIds {

    private StoryIds() {
    }

    /** The story of an item; an item without a non-neutral position is a story of its own. */
    public static String of(List<PolicyPosition> positions, String itemId, Instant publishedAt, Duration window) {
        Optional<String> signature = StorySignature.of(positions);
        if (signature.isEmpty()) {
            return hashed("item|" + itemId);
        }
        long bucket = Math.floorDiv(publishedAt.toEpochMilli(), window.toMillis());
        return hashed(signature.get() + "|" + window.toMillis() + "|" + bucket);
    }

    private static String hashed(String key) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return "story-" + HexFormat.of().formatHex(digest.digest(key.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 20);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
