package org.policyradar.streams.evaluate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * The fixed split of a corpus into a half rules are tuned on and a half held out: by outlet, so that one
 * outlet's phrasing never sits on both sides. The key is the source up to " via " (syndicated copies count as
 * their outlet), lower case, or the item id when there is no source; an item is held out when the first byte
 * of the SHA-256 of its key is even.
 */
public enum HoldoutSplit {
    TUNE, HOLDOUT, ALL;

    /** True when the item belongs to this part. */
    public boolean contains(CorpusItem item) {
        return this == ALL || (this == HOLDOUT) == heldOut(item);
    }

    static boolean heldOut(CorpusItem item) {
        String source = item.source() == null ? "" : item.source();
        int via = source.indexOf(" via ");
        String key = (via >= 0 ? source.substring(0, via) : source).strip().toLowerCase(Locale.ROOT);
        if (key.isEmpty()) {
            key = item.id();
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return (digest[0] & 1) == 0;
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
