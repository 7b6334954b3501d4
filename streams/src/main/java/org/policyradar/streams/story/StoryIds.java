package org.policyradar.streams.story;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.policyradar.avro.PolicyPosition;

/**
 * Gives an item its story id from the item alone: articles with the same {@link StorySignature} (same
 * department or government, instrument family, stance, topic and place) are one story, whichever outlet wrote
 * them, however they phrased it, and whenever they were published.
 *
 * <p>Why not cluster by text similarity: a clustering decided article by article depends on which article came
 * first, and then so would story ids, conflict ids and the compacted conflicts topic. A pure function of the
 * item gives the same ids on every replay, at any scale, in any arrival order.
 *
 * <p>Why no time in the id (it used to carry an epoch-aligned three-day bucket): a story now spans time — a
 * position is in force from its first report to its last plus the conflict window — and any bucket splits one
 * story where it straddles a boundary, with other ids on either side. The price of a signature alone: the same
 * actor taking the same stance on the same question in the same place through the same kind of instrument is one
 * story however often it is reported, which is what a standing policy is.
 */
public final class StoryIds {

    private StoryIds() {
    }

    /** The story of an item; an item without a non-neutral position is a story of its own. */
    public static String of(List<PolicyPosition> positions, String itemId) {
        Optional<String> signature = StorySignature.of(positions);
        return signature.map(s -> hashed("signature|" + s)).orElseGet(() -> hashed("item|" + itemId));
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
