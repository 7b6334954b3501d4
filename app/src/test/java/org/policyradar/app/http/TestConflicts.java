package org.policyradar.app.http;

import java.time.Instant;
import java.util.List;
import org.policyradar.avro.ConflictParty;
import org.policyradar.avro.Evidence;
import org.policyradar.avro.EvidenceField;
import org.policyradar.avro.GovernmentBranch;
import org.policyradar.avro.GovernmentLevel;
import org.policyradar.avro.Instrument;
import org.policyradar.avro.Jurisdiction;
import org.policyradar.avro.JurisdictionKind;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.avro.PolicyPosition;
import org.policyradar.avro.PolicyTopic;
import org.policyradar.avro.Stance;

/** Builders of test conflicts, in words of our own: a federal agency against a county sheriff or a city. */
final class TestConflicts {

    static final Instant T0 = Instant.parse("2025-04-07T15:00:00Z");
    static final Jurisdiction NATIONWIDE = place("US", JurisdictionKind.NATIONWIDE, "United States (nationwide)", null);
    static final Jurisdiction KING_COUNTY = place("US-WA-KING_COUNTY", JurisdictionKind.COUNTY, "King County, WA", "WA");
    static final Jurisdiction DENVER = place("US-CO-DENVER", JurisdictionKind.CITY, "Denver, CO", "CO");

    private TestConflicts() {
    }

    static Jurisdiction place(String code, JurisdictionKind kind, String name, String state) {
        return Jurisdiction.newBuilder().setCode(code).setKind(kind).setName(name).setState(state).build();
    }

    static ConflictParty party(String itemId, String actorId, String actorName, GovernmentLevel level,
                               Jurisdiction place, PolicyTopic topic, Stance stance, String text) {
        PolicyPosition position = PolicyPosition.newBuilder()
                .setActorId(actorId).setActorName(actorName).setLevel(level).setBranch(GovernmentBranch.EXECUTIVE)
                .setJurisdiction(place).setTopic(topic).setStance(stance).setInstrument(Instrument.DIRECTIVE)
                .setConfidence(0.8)
                .setEvidence(List.of(Evidence.newBuilder().setField(EvidenceField.ACTOR)
                        .setPhrase(text.substring(0, 10)).setStart(0).setEnd(10).setRule(null).build()))
                .build();
        return ConflictParty.newBuilder().setItemId(itemId).setStoryId("story-" + itemId).setHeadline(null)
                .setText(text).setPublishedAt(T0).setPosition(position).build();
    }

    static ConflictParty ice(PolicyTopic topic) {
        return party("ice-1", "US-DHS-ICE", "Immigration and Customs Enforcement", GovernmentLevel.FEDERAL, NATIONWIDE,
                topic, Stance.PRESS, "ICE officers were ordered to ask every county jail for detainer holds.");
    }

    static ConflictParty kingCountySheriff(PolicyTopic topic) {
        return party("king-1", "SHERIFF-US-WA-KING_COUNTY", "King County sheriff", GovernmentLevel.LOCAL, KING_COUNTY,
                topic, Stance.RESIST, "The King County sheriff said deputies would ignore detainer requests.");
    }

    static ConflictParty denverMayor(PolicyTopic topic) {
        return party("denver-1", "MAYOR-US-CO-DENVER", "Denver mayor", GovernmentLevel.LOCAL, DENVER, topic,
                Stance.RESIST, "The Denver mayor told city agencies not to share records with ICE.");
    }

    static PolicyConflict conflict(String id, ConflictParty pressing, ConflictParty resisting, Instant lastSeen) {
        return PolicyConflict.newBuilder()
                .setConflictId(id)
                .setTopic(pressing.getPosition().getTopic())
                .setPressing(pressing)
                .setResisting(resisting)
                .setScore(0.7)
                .setExplanation(pressing.getPosition().getActorName() + " presses while "
                        + resisting.getPosition().getActorName() + " resists.")
                .setRuleVersion("test-rules")
                .setFirstSeen(T0)
                .setLastSeen(lastSeen)
                .setArticleIds(List.of(pressing.getItemId(), resisting.getItemId()))
                .setPressingArticles(List.of(pressing))
                .setResistingArticles(List.of(resisting))
                .setEvidenceCount(2)
                .build();
    }
}
