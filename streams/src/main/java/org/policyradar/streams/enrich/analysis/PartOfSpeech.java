package org.policyradar.streams.enrich.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.Span;

/**
 * Apache OpenNLP's English part-of-speech tagger (Universal Dependencies tags, model from the
 * {@code opennlp-models-pos-en} artifact on the classpath), used only to tell whether a cue word that can be a
 * noun or a verb ("arrests", "raids", "orders") is a noun in its clause. Tagging costs far more than the rest of
 * the reading, so only the words around such a cue are tagged, and only when the rules list the cue's word
 * ({@code grammar.nounOrVerbCues}) and the word-shape test of {@link TextFacts#isNominal} leaves it a verb.
 *
 * <p>The model is loaded once per JVM and is thread-safe; a {@link POSTaggerME} is not, so each thread has its
 * own (the enricher is shared by the stream threads).
 */
final class PartOfSpeech {

    static final String MODEL_RESOURCE = "/opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";

    /** How many words either side of the cue are tagged (a long clause is cut to them). */
    static final int WINDOW_WORDS = 8;

    private static final POSModel MODEL = load();
    private static final ThreadLocal<POSTaggerME> TAGGER =
            ThreadLocal.withInitial(() -> new POSTaggerME(MODEL, POSTagFormat.UD));

    private PartOfSpeech() {
    }

    /**
     * Loads the model now (once per JVM), so that a missing or unreadable model stops the application at start
     * with its reason instead of failing the first item that needs the tagger.
     */
    static void requireModel() {
        // reading the field initialises the class, which loads the model; no tagger is made for this thread
        Objects.requireNonNull(MODEL, "part-of-speech model");
    }

    /**
     * Whether the cue word starting at {@code wordStart} is a noun in the clause {@code [from, to)} of the text (its
     * {@link #WINDOW_WORDS} words either side), or
     * null when the tags do not decide it (the caller keeps its own test). The model tags a present-tense verb
     * with an -s ("ICE arrests 40 people") as a noun whenever nothing else in the clause is tagged a verb, so a
     * NOUN tag alone says little; what the tags do tell is whether the clause has a predicate of its own:
     * <ul>
     *   <li>tagged VERB: a verb;</li>
     *   <li>tagged NOUN with another finite predicate in the clause ("ICE arrests rose", "raids by agents drew
     *       protests"): a noun, the predicate is someone else's;</li>
     *   <li>tagged NOUN with no other predicate, right after a noun or name ("ICE arrests 40 people", "the agency
     *       raids a plant"): the cue is the clause's only predicate, so a verb.</li>
     * </ul>
     * A predicate is a VERB or AUX that is no infinitive ("to hold"), no -ing form and none of the noun-or-verb
     * words themselves ("sweep" in "a county sweep" is often mis-tagged).
     */
    static Boolean isNoun(String text, int from, int to, int wordStart, Collection<String> nounOrVerbWords) {
        String clause = text.substring(from, to);
        Span[] spans = SimpleTokenizer.INSTANCE.tokenizePos(clause);
        String[] tokens = Span.spansToStrings(spans, clause);
        int at = -1;
        for (int i = 0; i < spans.length; i++) {
            if (from + spans[i].getStart() == wordStart) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            return null;
        }
        // the words around the cue, not the whole clause: the tagging costs in proportion to the words
        int first = Math.max(0, at - WINDOW_WORDS);
        tokens = Arrays.copyOfRange(tokens, first, Math.min(tokens.length, at + WINDOW_WORDS + 1));
        at -= first;
        String[] tags = TAGGER.get().tag(tokens);
        if ("VERB".equals(tags[at])) {
            return Boolean.FALSE;
        }
        if (!"NOUN".equals(tags[at])) {
            return null;
        }
        for (int i = 0; i < tokens.length; i++) {
            if (i != at && isPredicate(tokens, tags, i, nounOrVerbWords)) {
                return Boolean.TRUE;
            }
        }
        boolean afterNoun = at > 0 && ("PROPN".equals(tags[at - 1]) || "NOUN".equals(tags[at - 1]));
        return afterNoun ? Boolean.FALSE : null;
    }

    private static boolean isPredicate(String[] tokens, String[] tags, int i, Collection<String> nounOrVerbWords) {
        if (!"VERB".equals(tags[i]) && !"AUX".equals(tags[i])) {
            return false;
        }
        String word = tokens[i].toLowerCase(Locale.ROOT);
        boolean infinitive = i > 0 && "to".equalsIgnoreCase(tokens[i - 1]);
        return !infinitive && !word.endsWith("ing") && !nounOrVerbWords.contains(word);
    }

    private static POSModel load() {
        try (InputStream in = PartOfSpeech.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("part-of-speech model " + MODEL_RESOURCE
                        + " is not on the classpath (artifact org.apache.opennlp:opennlp-models-pos-en)");
            }
            return new POSModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read part-of-speech model " + MODEL_RESOURCE, e);
        }
    }
}
