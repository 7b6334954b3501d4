package org.policyradar.streams.enrich.analysis;

/**
 * What the cue families read an item with: its text facts, who the agents are, the constructions around a cue
 * and the confidence weights. One per analysed item, shared by its families.
 */
record CueTools(TextFacts facts, AgentLookup agents, Constructions constructions, Confidence confidence) {
}
