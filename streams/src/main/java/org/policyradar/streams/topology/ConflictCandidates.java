package org.policyradar.streams.topology;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.policyradar.avro.ConflictParty;
import org.policyradar.avro.EnrichedNewsItem;
import org.policyradar.avro.JurisdictionKind;
import org.policyradar.avro.PolicyPosition;
import org.policyradar.streams.conflict.ConflictRules;

/**
 * Turns an enriched item into the positions that can take part in a conflict, each keyed by the shard it
 * must be matched in: a resisting position by the state it lies in, a targeted federal position by the state
 * it targets, and a nationwide federal position by {@link #NATIONWIDE}, which the partitioner sends to every
 * shard. Every pair that can conflict therefore meets in exactly one shard: the resisting position's.
 */
final class ConflictCandidates {

    /** Shard key of federal positions that apply to the whole country. */
    static final String NATIONWIDE = "US";
    /** Shard key of resisting positions whose state could not be resolved. */
    static final String UNPLACED = "??";

    private ConflictCandidates() {
    }

    static List<KeyValue<String, ConflictParty>> of(EnrichedNewsItem item) {
        List<KeyValue<String, ConflictParty>> candidates = new ArrayList<>();
        for (PolicyPosition position : item.getPositions()) {
            if (ConflictRules.isPressing(position) || ConflictRules.isResisting(position)) {
                candidates.add(KeyValue.pair(shardOf(position), partyOf(item, position)));
            }
        }
        return candidates;
    }

    static String shardOf(PolicyPosition position) {
        if (ConflictRules.isPressing(position) && position.getJurisdiction().getKind() == JurisdictionKind.NATIONWIDE) {
            return NATIONWIDE;
        }
        String state = position.getJurisdiction().getState();
        if (state != null && !state.isBlank()) {
            return state;
        }
        // a federal position aimed at an unresolved place can still meet resisting positions whose state is unknown
        return UNPLACED;
    }

    static ConflictParty partyOf(EnrichedNewsItem item, PolicyPosition position) {
        return ConflictParty.newBuilder()
                .setItemId(item.getItemId())
                .setStoryId(item.getStoryId())
                .setHeadline(item.getHeadline())
                .setText(item.getText())
                .setPublishedAt(item.getPublishedAt())
                .setPosition(position)
                .build();
    }
}
