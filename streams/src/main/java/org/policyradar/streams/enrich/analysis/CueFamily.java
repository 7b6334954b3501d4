package org.policyradar.streams.enrich.analysis;

/**
 * How one family of stance cues (cooperation, enforcement, lawsuits, passive lawsuits) decides who takes which
 * side through a cue. A family reads only the text; it keeps no state between cues.
 */
interface CueFamily {

    /** The decision the cue makes, or null when it makes none. */
    Candidate decide(CueReading reading);
}
