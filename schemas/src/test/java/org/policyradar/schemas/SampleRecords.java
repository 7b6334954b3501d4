package org.policyradar.schemas;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.policyradar.avro.AlertKind;
import org.policyradar.avro.ConflictAlert;
import org.policyradar.avro.ConflictParty;
import org.policyradar.avro.EnrichedNewsItem;
import org.policyradar.avro.EventTimeSource;
import org.policyradar.avro.Evidence;
import org.policyradar.avro.EvidenceField;
import org.policyradar.avro.GovernmentBranch;
import org.policyradar.avro.GovernmentLevel;
import org.policyradar.avro.Instrument;
import org.policyradar.avro.Jurisdiction;
import org.policyradar.avro.JurisdictionKind;
import org.policyradar.avro.NewsItem;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.avro.PolicyPosition;
import org.policyradar.avro.PolicyTopic;
import org.policyradar.avro.Stance;

/**
 * Test data builders for every top-level record, filled with plausible values at fixed times. The schemas' own:
 * the testkit module's builders depend on this module, so its tests cannot use them.
 */
final class SampleRecords {

    static final Instant PUBLISHED = Instant.parse("2025-01-22T14:00:00Z");

    private SampleRecords() {
    }

    static NewsItem.Builder aNewsItem() {
        return NewsItem.newBuilder()
                .setId("item-1")
                .setSource("example-wire")
                .setUrl("https://news.example/nypd-memo")
                .setHeadline("NYPD memo on federal immigration enforcement")
                .setText("An internal NYPD memo reminds officers not to assist federal immigration enforcement.")
                .setLanguage("en")
                .setPublishedAt(PUBLISHED)
                .setEventTimeSource(EventTimeSource.PUBLISHED)
                .setIngestedAt(PUBLISHED.plusSeconds(60))
                .setAttributes(Map.of("section", "metro"));
    }

    static PolicyPosition.Builder aResistingPosition() {
        return PolicyPosition.newBuilder()
                .setActorId("NYPD")
                .setActorName("New York Police Department")
                .setLevel(GovernmentLevel.LOCAL)
                .setBranch(GovernmentBranch.EXECUTIVE)
                .setJurisdiction(Jurisdiction.newBuilder()
                        .setCode("US-NY-NEW_YORK_CITY").setKind(JurisdictionKind.CITY)
                        .setName("New York City, NY").setState("NY").build())
                .setTopic(PolicyTopic.COOPERATION)
                .setStance(Stance.RESIST)
                .setInstrument(Instrument.MEMO)
                .setConfidence(0.9)
                .setEvidence(List.of(Evidence.newBuilder()
                        .setField(EvidenceField.STANCE).setPhrase("not to assist").setStart(45).setEnd(58)
                        .setRule("stance.resist.not-assist").build()));
    }

    static EnrichedNewsItem.Builder anEnrichedNewsItem() {
        NewsItem item = aNewsItem().build();
        return EnrichedNewsItem.newBuilder()
                .setItemId(item.getId())
                .setStoryId("story-1")
                .setSource(item.getSource())
                .setUrl(item.getUrl())
                .setHeadline(item.getHeadline())
                .setText(item.getText())
                .setPublishedAt(item.getPublishedAt())
                .setPositions(List.of(aResistingPosition().build()))
                .setRuleVersion("test-1");
    }

    static ConflictParty.Builder aParty(String itemId, PolicyPosition position) {
        return ConflictParty.newBuilder()
                .setItemId(itemId)
                .setStoryId("story-" + itemId)
                .setHeadline(null)
                .setText("text of " + itemId)
                .setPublishedAt(PUBLISHED)
                .setPosition(position);
    }

    static PolicyConflict.Builder aPolicyConflict() {
        PolicyPosition pressing = aResistingPosition()
                .setActorId("US-DOJ").setActorName("Justice Department").setLevel(GovernmentLevel.FEDERAL)
                .setJurisdiction(Jurisdiction.newBuilder().setCode("US").setKind(JurisdictionKind.NATIONWIDE)
                        .setName("United States (nationwide)").build())
                .setStance(Stance.PRESS).setInstrument(Instrument.DIRECTIVE).build();
        return PolicyConflict.newBuilder()
                .setConflictId("c-1")
                .setTopic(PolicyTopic.COOPERATION)
                .setPressing(aParty("doj-1", pressing).build())
                .setResisting(aParty("nypd-1", aResistingPosition().build()).build())
                .setScore(0.81)
                .setExplanation("US-DOJ presses on COOPERATION nationwide while NYPD resists in New York City, NY.")
                .setRuleVersion("test-1")
                .setFirstSeen(PUBLISHED)
                .setLastSeen(PUBLISHED.plusSeconds(3600))
                .setArticleIds(List.of("doj-1", "nypd-1"))
                .setEvidenceCount(2);
    }

    static ConflictAlert.Builder aConflictAlert() {
        PolicyConflict conflict = aPolicyConflict().build();
        return ConflictAlert.newBuilder()
                .setAlertId(conflict.getConflictId() + ":NEW_CONFLICT")
                .setConflictId(conflict.getConflictId())
                .setKind(AlertKind.NEW_CONFLICT)
                .setTopic(conflict.getTopic())
                .setTitle("US-DOJ vs NYPD on COOPERATION")
                .setExplanation(conflict.getExplanation())
                .setScore(conflict.getScore())
                .setPressing(conflict.getPressing())
                .setResisting(conflict.getResisting())
                .setEventTime(conflict.getFirstSeen())
                .setRuleVersion(conflict.getRuleVersion());
    }
}
