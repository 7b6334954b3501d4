package org.policyradar.streams.topology;

import org.policyradar.avro.AlertKind;
import org.policyradar.avro.ConflictAlert;
import org.policyradar.avro.PolicyConflict;

/** Builds the notification for a conflict. */
final class ConflictAlerts {

    private ConflictAlerts() {
    }

    static ConflictAlert newConflict(PolicyConflict conflict) {
        return ConflictAlert.newBuilder()
                .setAlertId(conflict.getConflictId() + ":" + AlertKind.NEW_CONFLICT)
                .setConflictId(conflict.getConflictId())
                .setKind(AlertKind.NEW_CONFLICT)
                .setTopic(conflict.getTopic())
                .setTitle(titleOf(conflict))
                .setExplanation(conflict.getExplanation())
                .setScore(conflict.getScore())
                .setPressing(conflict.getPressing())
                .setResisting(conflict.getResisting())
                .setEventTime(conflict.getFirstSeen())
                .setRuleVersion(conflict.getRuleVersion())
                .build();
    }

    static String titleOf(PolicyConflict conflict) {
        return conflict.getPressing().getPosition().getActorName() + " vs "
                + conflict.getResisting().getPosition().getActorName() + " on " + conflict.getTopic()
                + " in " + conflict.getResisting().getPosition().getJurisdiction().getName();
    }
}
