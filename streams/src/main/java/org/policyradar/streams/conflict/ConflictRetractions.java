package org.policyradar.streams.conflict;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.policyradar.avro.ConflictAlert;
import org.policyradar.avro.PolicyConflict;

/**
 * What a replay with new rules retracts: every conflict that was on policy.conflicts.v1 before the replay and that
 * the replay did not write again. Each is retracted by a tombstone under its id and a RETRACTED alert from the rules
 * that no longer find it, stamped with event time like everything else: the latest event time of what is retracted,
 * so that the same history and rules give the same retractions on every run.
 */
public final class ConflictRetractions {

    private ConflictRetractions() {
    }

    /**
     * The conflicts of {@code before} (the latest value by id) whose ids are not in {@code foundAgain}, in id order.
     */
    public static List<PolicyConflict> gone(Map<String, PolicyConflict> before, Set<String> foundAgain) {
        return before.entrySet().stream()
                .filter(entry -> !foundAgain.contains(entry.getKey()))
                .sorted(Map.Entry.comparingByKey())
                .map(Map.Entry::getValue)
                .toList();
    }

    /**
     * The RETRACTED alerts of {@code gone}, in the order given; empty when nothing is gone.
     *
     * @param ruleVersion the version of the rules that no longer find them
     */
    public static List<ConflictAlert> alerts(Collection<PolicyConflict> gone, String ruleVersion) {
        if (gone.isEmpty()) {
            return List.of();
        }
        Instant eventTime = gone.stream().map(PolicyConflict::getLastSeen).max(Comparator.naturalOrder()).orElseThrow();
        return gone.stream().map(conflict -> ConflictAlerts.retracted(conflict, ruleVersion, eventTime)).toList();
    }
}
