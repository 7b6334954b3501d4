package org.policyradar.streams.topology;

import java.time.Instant;
import java.util.List;
import org.policyradar.avro.EnrichedNewsItem;
import org.policyradar.avro.Evidence;
import org.policyradar.avro.EvidenceField;
import org.policyradar.avro.GovernmentBranch;
import org.policyradar.avro.GovernmentLevel;
import org.policyradar.avro.Instrument;
import org.policyradar.avro.Jurisdiction;
import org.policyradar.avro.JurisdictionKind;
import org.policyradar.avro.PolicyPosition;
import org.policyradar.avro.PolicyTopic;
import org.policyradar.avro.Stance;
import org.policyradar.avro.StoryState;
import org.policyradar.streams.story.StoryFold;
import org.policyradar.testkit.NewsItems;

/**
 * Test data for the processor tests: enriched items with a federal pressing or a local resisting position, at
 * fixed times, and the story states the production fold makes of them.
 */
public final class StoryRecords {

    /** The fixed start of the processor tests: the same as the topology tests' ({@link NewsItems#T0}). */
    public static final Instant T0 = NewsItems.T0;
    public static final String RULE_VERSION = "test-rules-1";

    private static final Jurisdiction NATIONWIDE = Jurisdiction.newBuilder().setCode("US")
            .setKind(JurisdictionKind.NATIONWIDE).setName("United States (nationwide)").setState(null).build();
    private static final Jurisdiction NEW_YORK_CITY = Jurisdiction.newBuilder().setCode("US-NY-NEW_YORK_CITY")
            .setKind(JurisdictionKind.CITY).setName("New York City, NY").setState("NY").build();

    private StoryRecords() {
    }

    /** The Justice Department pressing nationwide on cooperation. */
    public static PolicyPosition.Builder aPressingPosition() {
        return aPosition("US-DOJ", GovernmentLevel.FEDERAL, Stance.PRESS, NATIONWIDE, "ordered prosecutors");
    }

    /** The NYPD resisting cooperation in New York City. */
    public static PolicyPosition.Builder aResistingPosition() {
        return aPosition("NYPD", GovernmentLevel.LOCAL, Stance.RESIST, NEW_YORK_CITY, "not to assist");
    }

    private static PolicyPosition.Builder aPosition(String actor, GovernmentLevel level, Stance stance,
                                                    Jurisdiction where, String phrase) {
        return PolicyPosition.newBuilder().setActorId(actor).setActorName(actor).setLevel(level)
                .setBranch(GovernmentBranch.EXECUTIVE).setJurisdiction(where).setTopic(PolicyTopic.COOPERATION)
                .setStance(stance).setInstrument(Instrument.MEMO).setConfidence(0.8)
                .setEvidence(List.of(Evidence.newBuilder().setField(EvidenceField.STANCE).setPhrase(phrase)
                        .setStart(0).setEnd(phrase.length()).build()));
    }

    /** An article of story {@code story-nypd} with the resisting position, published at {@link #T0}. */
    public static EnrichedNewsItem.Builder anEnrichedItem() {
        return EnrichedNewsItem.newBuilder().setItemId("item-1").setStoryId("story-nypd").setSource("test-wire")
                .setText("The NYPD told its officers not to assist federal immigration agents.")
                .setPublishedAt(T0).setPositions(List.of(aResistingPosition().build()))
                .setRuleVersion(RULE_VERSION);
    }

    /** The coarse state of a story of one article, as the story step passes it on to matching. */
    public static StoryState aStory(String storyId, Instant publishedAt, PolicyPosition position) {
        return StoryFold.coarse(StoryFold.add(null, anEnrichedItem().setItemId(storyId + "-1").setStoryId(storyId)
                .setPublishedAt(publishedAt).setPositions(List.of(position)).build()));
    }

    public static StoryState aPressingStory(String storyId, Instant publishedAt) {
        return aStory(storyId, publishedAt, aPressingPosition().build());
    }

    public static StoryState aResistingStory(String storyId, Instant publishedAt) {
        return aStory(storyId, publishedAt, aResistingPosition().build());
    }
}
