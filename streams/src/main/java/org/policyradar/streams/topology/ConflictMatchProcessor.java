package org.policyradar.streams.topology;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStore;
import org.policyradar.avro.ConflictParty;
import org.policyradar.avro.EnrichedNewsItem;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.streams.conflict.ConflictRules;

/**
 * Matches pressing against resisting positions within one shard, in both directions: whichever side arrives
 * second completes the pair, so arrival order within the grace period does not matter. Positions are kept in
 * event-time window stores whose retention bounds the state; a record later than the grace period behind
 * stream time is refused (and goes to the dead-letter topic).
 *
 * <p>Store keys: {@code <topic>|<shard>|<itemId>|<actorId>|<jurisdiction>}, so that one shard's positions on one
 * topic are a contiguous key range, and two positions of one item (one actor acting against a state and one of
 * its cities) do not overwrite each other.
 */
final class ConflictMatchProcessor implements Processor<String, ConflictParty, String, PolicyConflict> {

    private final DetectionSettings settings;
    private final ConflictRules rules;
    private ProcessorContext<String, PolicyConflict> context;
    private WindowStore<String, ConflictParty> pressing;
    private WindowStore<String, ConflictParty> resisting;

    ConflictMatchProcessor(DetectionSettings settings, ConflictRules rules) {
        this.settings = settings;
        this.rules = rules;
    }

    @Override
    public void init(ProcessorContext<String, PolicyConflict> context) {
        this.context = context;
        this.pressing = context.getStateStore(TopologyNames.PRESSING_POSITIONS_STORE);
        this.resisting = context.getStateStore(TopologyNames.RESISTING_POSITIONS_STORE);
    }

    @Override
    public void process(Record<String, ConflictParty> record) {
        String shard = record.key();
        ConflictParty party = record.value();
        long time = party.getPublishedAt().toEpochMilli();
        refuseIfLate(party, time);
        String topic = party.getPosition().getTopic().name();
        Instant from = Instant.ofEpochMilli(time - settings.conflictWindow().toMillis());
        Instant to = Instant.ofEpochMilli(time + settings.conflictWindow().toMillis());

        if (ConflictRules.isResisting(party.getPosition())) {
            matchAgainst(pressing, prefix(topic, ConflictCandidates.NATIONWIDE), party, false, from, to, record);
            matchAgainst(pressing, prefix(topic, shard), party, false, from, to, record);
            resisting.put(keyOf(topic, shard, party), party, time);
        } else {
            String range = ConflictCandidates.NATIONWIDE.equals(shard) ? topic + "|" : prefix(topic, shard);
            matchAgainst(resisting, range, party, true, from, to, record);
            pressing.put(keyOf(topic, shard, party), party, time);
        }
    }

    private void refuseIfLate(ConflictParty party, long time) {
        long streamTime = context.currentStreamTimeMs();
        long grace = settings.grace().toMillis();
        if (time < streamTime - grace) {
            throw new InvalidRecordException("late record: position of item " + party.getItemId()
                    + " has event time " + Instant.ofEpochMilli(time) + ", more than the grace period of "
                    + settings.grace() + " behind stream time " + Instant.ofEpochMilli(streamTime));
        }
    }

    private void matchAgainst(WindowStore<String, ConflictParty> store, String keyPrefix, ConflictParty party,
                              boolean partyIsPressing, Instant from, Instant to, Record<String, ConflictParty> cause) {
        try (KeyValueIterator<Windowed<String>, ConflictParty> others =
                     store.fetch(keyPrefix, keyPrefix + "\uffff", from, to)) {
            while (others.hasNext()) {
                KeyValue<Windowed<String>, ConflictParty> other = others.next();
                EnrichedNewsItem a = asItem(partyIsPressing ? party : other.value);
                EnrichedNewsItem b = asItem(partyIsPressing ? other.value : party);
                List<PolicyConflict> conflicts = rules.match(a, b);
                for (PolicyConflict conflict : conflicts) {
                    long eventTime = Math.max(a.getPublishedAt().toEpochMilli(), b.getPublishedAt().toEpochMilli());
                    context.forward(new Record<>(conflict.getConflictId(), conflict, eventTime, cause.headers()));
                }
            }
        }
    }

    private static String prefix(String topic, String shard) {
        return topic + "|" + shard + "|";
    }

    private static String keyOf(String topic, String shard, ConflictParty party) {
        return prefix(topic, shard) + party.getItemId() + "|" + party.getPosition().getActorId() + "|"
                + party.getPosition().getJurisdiction().getCode();
    }

    /** The conflict rules read whole items; a party is an item reduced to the one position at stake. */
    private static EnrichedNewsItem asItem(ConflictParty party) {
        return EnrichedNewsItem.newBuilder()
                .setItemId(party.getItemId())
                .setStoryId(party.getStoryId())
                .setSource("")
                .setHeadline(party.getHeadline())
                .setText(party.getText())
                .setPublishedAt(party.getPublishedAt())
                .setPositions(List.of(party.getPosition()))
                .setRuleVersion("")
                .build();
    }
}
