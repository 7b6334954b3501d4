package org.policyradar.producer;

/** Reads the fields of one decoded, non-blank line. */
@FunctionalInterface
interface LineParser {

    /** A plain-text line is the item's text. */
    LineParser TEXT = RawNews::ofText;

    RawNews parse(String line) throws BadLineException;
}
