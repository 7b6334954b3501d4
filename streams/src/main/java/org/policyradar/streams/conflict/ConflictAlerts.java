package org.policyradar.streams.conflict;

import java.time.Instant;
import org.policyradar.avro.AlertKind;
import org.policyradar.avro.ConflictAlert;
import org.policyradar.avro.PolicyConflict;

/** Builds the notifications about a conflict: when it is first found, and when it no longer holds. */
public final class ConflictAlerts {

    private ConflictAlerts() {
    }

    /** The alert for a conflict seen for the first time. */
    public static ConflictAlert newConflict(PolicyConflict conflict) {
        return alert(conflict, AlertKind.NEW_CONFLICT, conflict.getFirstSeen(), conflict.getRuleVersion());
    }

    /**
     * The alert for a conflict that the current rules no longer find (after a replay).
     *
     * @param ruleVersion the version of the rules that no longer find it
     * @param eventTime   the event time the retraction is stamped with
     */
    public static ConflictAlert retracted(PolicyConflict conflict, String ruleVersion, Instant eventTime) {
        return alert(conflict, AlertKind.RETRACTED, eventTime, ruleVersion);
    }

    private static ConflictAlert alert(PolicyConflict conflict, AlertKind kind, Instant eventTime, String ruleVersion) {
        return ConflictAlert.newBuilder()
                .setAlertId(conflict.getConflictId() + ":" + kind)
                .setConflictId(conflict.getConflictId())
                .setKind(kind)
                .setTopic(conflict.getTopic())
                .setTitle(titleOf(conflict))
                .setExplanation(conflict.getExplanation())
                .setScore(conflict.getScore())
                .setPressing(conflict.getPressing())
                .setResisting(conflict.getResisting())
                .setEventTime(eventTime)
                .setRuleVersion(ruleVersion)
                .build();
    }

    static String titleOf(PolicyConflict conflict) {
        return conflict.getPressing().getPosition().getActorName() + " vs "
                + conflict.getResisting().getPosition().getActorName() + " on " + conflict.getTopic()
                + " in " + conflict.getResisting().getPosition().getJurisdiction().getName();
    }
}
