package org.policyradar.app.alerts;

import java.time.Instant;
import java.util.List;
import org.policyradar.avro.AlertKind;
import org.policyradar.avro.ConflictAlert;
import org.policyradar.avro.ConflictParty;
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

/** Builders of test alerts: a federal directive against a county's detainer policy, in words of our own. */
public final class TestAlerts {

    public static final Instant PUBLISHED = Instant.parse("2025-03-01T12:00:00Z");

    private TestAlerts() {
    }

    /** A new-conflict alert for {@code conflictId}. */
    public static ConflictAlert.Builder anAlert(String conflictId) {
        return ConflictAlert.newBuilder()
                .setAlertId(conflictId + ":" + AlertKind.NEW_CONFLICT)
                .setConflictId(conflictId)
                .setKind(AlertKind.NEW_CONFLICT)
                .setTopic(PolicyTopic.COOPERATION)
                .setTitle("US-DHS vs KING-COUNTY on COOPERATION")
                .setExplanation("Homeland Security orders jails to honour detainers nationwide, while King County "
                        + "bars its jail from holding people for immigration agents.")
                .setScore(0.82)
                .setPressing(aPressingParty().build())
                .setResisting(aResistingParty().build())
                .setEventTime(PUBLISHED.plusSeconds(3600))
                .setRuleVersion("test-rules-1");
    }

    public static ConflictParty.Builder aPressingParty() {
        PolicyPosition position = PolicyPosition.newBuilder()
                .setActorId("US-DHS").setActorName("Department of Homeland Security")
                .setLevel(GovernmentLevel.FEDERAL).setBranch(GovernmentBranch.EXECUTIVE)
                .setJurisdiction(Jurisdiction.newBuilder().setCode("US").setKind(JurisdictionKind.NATIONWIDE)
                        .setName("United States").setState(null).build())
                .setTopic(PolicyTopic.COOPERATION).setStance(Stance.PRESS).setInstrument(Instrument.DIRECTIVE)
                .setConfidence(0.9)
                .setEvidence(List.of(Evidence.newBuilder().setField(EvidenceField.INSTRUMENT)
                        .setPhrase("directive").setStart(21).setEnd(30).setRule(null).build()))
                .build();
        return ConflictParty.newBuilder()
                .setItemId("item-dhs-1").setStoryId("story-dhs-1")
                .setHeadline("DHS directive tells county jails to honour every detainer")
                .setText("A new DHS directive tells county jails to honour every immigration detainer.")
                .setPublishedAt(PUBLISHED)
                .setPosition(position);
    }

    public static ConflictParty.Builder aResistingParty() {
        PolicyPosition position = PolicyPosition.newBuilder()
                .setActorId("KING-COUNTY").setActorName("King County Council")
                .setLevel(GovernmentLevel.LOCAL).setBranch(GovernmentBranch.LEGISLATIVE)
                .setJurisdiction(Jurisdiction.newBuilder().setCode("US-WA-KING_COUNTY").setKind(JurisdictionKind.COUNTY)
                        .setName("King County, WA").setState("WA").build())
                .setTopic(PolicyTopic.COOPERATION).setStance(Stance.RESIST).setInstrument(Instrument.ORDINANCE)
                .setConfidence(0.8)
                .setEvidence(List.of())
                .build();
        return ConflictParty.newBuilder()
                .setItemId("item-king-1").setStoryId("story-king-1")
                .setHeadline(null)
                .setText("King County's council passed an ordinance barring its jail from holding people for ICE.")
                .setPublishedAt(PUBLISHED.plusSeconds(600))
                .setPosition(position);
    }
}
