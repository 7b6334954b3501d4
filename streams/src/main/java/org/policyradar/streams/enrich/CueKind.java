package org.policyradar.streams.enrich;

/** What a cue phrase does to a stance; the {@code _doc} of cues.json explains each kind. */
public enum CueKind {
    COOPERATE, OBSTRUCT, ENFORCE, THREAT, SUE, SUE_PASSIVE, RULING, NEGATOR, REFUSAL, NULL, REPORT, VIOLATION, TARGET, NONE;

    /** Kinds that decide a stance by themselves. */
    public boolean isStance() {
        return this == COOPERATE || this == OBSTRUCT || this == ENFORCE || this == THREAT || this == SUE
                || this == SUE_PASSIVE;
    }
}
