package org.policyradar.streams.enrich.analysis;

/**
 * How one family of stance cues (cooperation, enforcement, lawsuits, passive lawsuits) decides who takes which
 * side through a cue. A family reads only the text, with the tools of the item it is made for; it keeps no state
 * between cues.
 */
abstract class CueFamily {

    /** The item's text facts. */
    protected final TextFacts facts;
    /** Who the agents of a clause are. */
    protected final AgentLookup agents;
    /** The constructions around a cue (demands, requests, relative clauses...). */
    protected final Constructions constructions;
    /** The confidence weights of the rules. */
    protected final Confidence confidence;

    protected CueFamily(CueTools tools) {
        this.facts = tools.facts();
        this.agents = tools.agents();
        this.constructions = tools.constructions();
        this.confidence = tools.confidence();
    }

    /** The decision the cue makes, or null when it makes none. */
    abstract Candidate decide(CueReading reading);
}
