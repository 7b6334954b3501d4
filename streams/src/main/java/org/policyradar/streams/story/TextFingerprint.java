package org.policyradar.streams.story;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A 64-bit SimHash of a text, for near-duplicate detection: articles that report the same story in similar
 * words have fingerprints a few bits apart, unrelated articles about 32 bits apart. Features are word
 * shingles of one and two content words (stop words dropped), hashed with 64-bit FNV-1a and a MurmurHash3
 * finaliser, so the fingerprint is the same on every JVM and every run.
 */
public final class TextFingerprint {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** Words too common to tell stories apart. */
    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "for", "from", "by", "with", "as",
            "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "they",
            "their", "them", "he", "she", "his", "her", "we", "our", "you", "your", "i", "will", "would", "has",
            "have", "had", "do", "does", "did", "said", "says", "say", "not", "no", "into", "about", "after",
            "over", "than", "then", "so", "if", "who", "which", "what", "when", "where", "also", "more", "any",
            "all", "s", "t", "new", "last", "week", "monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "up", "out", "just", "could", "should", "can", "may");

    private TextFingerprint() {
    }

    /** The SimHash of the text; 0 for a text without content words. */
    public static long simHash(String text) {
        List<String> words = contentWords(text == null ? "" : text);
        if (words.isEmpty()) {
            return 0L;
        }
        int[] votes = new int[64];
        for (int i = 0; i < words.size(); i++) {
            vote(votes, hash(words.get(i)));
            if (i + 1 < words.size()) {
                vote(votes, hash(words.get(i) + ' ' + words.get(i + 1)));
            }
        }
        long fingerprint = 0L;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) {
                fingerprint |= 1L << bit;
            }
        }
        return fingerprint;
    }

    /** Number of differing bits. */
    public static int hammingDistance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    static List<String> contentWords(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        String lower = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i <= lower.length(); i++) {
            char c = i < lower.length() ? lower.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c)) {
                word.append(c);
            } else if (c == '\'' || c == '\u2019') {
                // "ICE's" and "ICE’s" both give "ice"
                if (word.length() > 0) {
                    addWord(words, word.toString());
                    word.setLength(0);
                }
                while (i + 1 < lower.length() && Character.isLetter(lower.charAt(i + 1))) {
                    i++;
                }
            } else if (word.length() > 0) {
                addWord(words, word.toString());
                word.setLength(0);
            }
        }
        return words;
    }

    private static void addWord(List<String> words, String word) {
        if (!STOP_WORDS.contains(word)) {
            words.add(word);
        }
    }

    private static void vote(int[] votes, long hash) {
        for (int bit = 0; bit < 64; bit++) {
            votes[bit] += ((hash >>> bit) & 1L) == 1L ? 1 : -1;
        }
    }

    static long hash(String feature) {
        long h = FNV_OFFSET;
        for (int i = 0; i < feature.length(); i++) {
            char c = feature.charAt(i);
            h ^= c & 0xff;
            h *= FNV_PRIME;
            h ^= (c >>> 8) & 0xff;
            h *= FNV_PRIME;
        }
        // FNV-1a alone spreads short strings poorly over the high bits
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
