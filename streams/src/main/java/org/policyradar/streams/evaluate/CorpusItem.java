package org.policyradar.streams.evaluate;

/** One item of a corpus to evaluate: its id, outlet (may be empty), headline (may be null) and text. */
public record CorpusItem(String id, String source, String headline, String text) {
}
