package org.policyradar.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.policyradar.avro.ConflictAlert;
import org.policyradar.avro.ConflictParty;
import org.policyradar.avro.GovernmentBranch;
import org.policyradar.avro.GovernmentLevel;
import org.policyradar.avro.Instrument;
import org.policyradar.avro.Jurisdiction;
import org.policyradar.avro.JurisdictionKind;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.avro.PolicyPosition;
import org.policyradar.avro.PolicyTopic;
import org.policyradar.avro.Stance;
import org.policyradar.streams.conflict.ConflictAlerts;

/** The verifier finds each kind of exactly-once violation, in words, and nothing in a clean run. */
class ExactlyOnceVerifierTest {

    private static final Instant T0 = Instant.parse("2026-01-25T00:00:00Z");

    private final PolicyConflict first = aConflict("conflict-1", "e001", "e002");
    private final PolicyConflict firstUpdated = aConflict("conflict-1", "e001", "e002", "e003");
    private final PolicyConflict second = aConflict("conflict-2", "e004", "e005");
    private final ExactlyOnceVerifier.Expected expected = ExactlyOnceVerifier.Expected
            .conflicts(Map.of("conflict-1", firstUpdated, "conflict-2", second))
            .withItemIds(Set.of("e001", "e002")).withEnrichedItemIds(Set.of("e001", "e002")).withDeadLetters(0);

    @Test
    void shouldFindNothingWrongInACleanRun() {
        ExactlyOnceVerifier.Report report = check(conflicts(first, second, firstUpdated),
                alerts(ConflictAlerts.newConflict(first), ConflictAlerts.newConflict(second)),
                List.of("e001", "e002"), List.of("e002", "e001"), 0);

        assertThat(report.problems()).isEmpty();
        assertThat(report.clean()).isTrue();
        assertThat(report.toString()).contains("policy.conflicts.v1: 3 records, 2 conflicts (expected 2)",
                "no problems");
    }

    @Test
    void shouldReportAConflictStateWrittenTwiceAndASecondNewConflictAlert() {
        ExactlyOnceVerifier.Report report = check(conflicts(first, first, second, firstUpdated),
                alerts(ConflictAlerts.newConflict(first), ConflictAlerts.newConflict(second),
                        ConflictAlerts.newConflict(first)),
                List.of("e001", "e002"), List.of("e001", "e002"), 0);

        assertThat(report.problems()).containsExactly(
                "duplicated conflict state: conflict-1 written 2 times with the same value (articles [e001, e002],"
                        + " score 0.5, evidence 2, last seen 2026-01-25T02:00:00Z)",
                "duplicated alert id conflict-1:NEW_CONFLICT (2 times)",
                "conflict conflict-1 has 2 NEW_CONFLICT alerts, expected one");
    }

    @Test
    void shouldReportMissingDifferingAndUnexpectedConflictsAndAlerts() {
        PolicyConflict stranger = aConflict("conflict-9", "e009", "e010");
        ExactlyOnceVerifier.Report report = check(conflicts(first, stranger),
                alerts(ConflictAlerts.newConflict(first), ConflictAlerts.newConflict(stranger),
                        ConflictAlerts.retracted(first, "rules-2", T0)),
                List.of("e001", "e002"), List.of("e001", "e002"), 0);

        assertThat(report.problems()).containsExactlyInAnyOrder(
                "missing conflict conflict-2 (articles [e004, e005], score 0.5, evidence 2, last seen "
                        + "2026-01-25T02:00:00Z)",
                "conflict conflict-1 differs: expected (articles [e001, e002, e003], score 0.5, evidence 3, last seen"
                        + " 2026-01-25T03:00:00Z), found (articles [e001, e002], score 0.5, evidence 2, last seen "
                        + "2026-01-25T02:00:00Z)",
                "unexpected conflict conflict-9 (articles [e009, e010], score 0.5, evidence 2, last seen "
                        + "2026-01-25T02:00:00Z)",
                "missing NEW_CONFLICT alert for conflict conflict-2",
                "unexpected alert conflict-9:NEW_CONFLICT",
                "unexpected RETRACTED alert conflict-1:RETRACTED");
    }

    @Test
    void shouldReportItemsMissingDoubledOrUnknownAndDeadLetters() {
        ExactlyOnceVerifier.Report report = check(conflicts(firstUpdated, second),
                alerts(ConflictAlerts.newConflict(firstUpdated), ConflictAlerts.newConflict(second)),
                List.of("e001", "e002", "e002"), List.of("e001", "e404"), 1);

        assertThat(report.problems()).containsExactly(
                "duplicated on news.items.v1: e002 (2 times)",
                "missing on news.enriched.v1: e002",
                "unexpected on news.enriched.v1: e404",
                "news.dlq.v1 holds 1 records, expected 0");
    }

    @Test
    void shouldCompareOnlyConflictIdsWhenNoValuesAreExpected() {
        ExactlyOnceVerifier.Expected idsOnly =
                ExactlyOnceVerifier.Expected.conflictIds(Set.of("conflict-1", "conflict-2"));

        ExactlyOnceVerifier.Report report = ExactlyOnceVerifier.check(idsOnly, new ExactlyOnceVerifier.Observed(
                conflicts(first, second), alerts(ConflictAlerts.newConflict(first), ConflictAlerts.newConflict(second)),
                List.of("anything"), List.of(), 3));

        assertThat(report.problems()).isEmpty();
    }

    private ExactlyOnceVerifier.Report check(List<ConsumerRecord<String, PolicyConflict>> conflicts,
                                             List<ConsumerRecord<String, ConflictAlert>> alerts,
                                             List<String> items, List<String> enriched, int deadLetters) {
        return ExactlyOnceVerifier.check(expected,
                new ExactlyOnceVerifier.Observed(conflicts, alerts, items, enriched, deadLetters));
    }

    private static List<ConsumerRecord<String, PolicyConflict>> conflicts(PolicyConflict... values) {
        List<ConsumerRecord<String, PolicyConflict>> records = new ArrayList<>();
        for (PolicyConflict value : values) {
            records.add(new ConsumerRecord<>("policy.conflicts.v1", 0, records.size(), value.getConflictId(), value));
        }
        return records;
    }

    private static List<ConsumerRecord<String, ConflictAlert>> alerts(ConflictAlert... values) {
        List<ConsumerRecord<String, ConflictAlert>> records = new ArrayList<>();
        for (ConflictAlert value : values) {
            records.add(new ConsumerRecord<>("policy.alerts.v1", 0, records.size(), value.getConflictId(), value));
        }
        return records;
    }

    /** A conflict between the first article (pressing) and the others, last seen an hour per article after T0. */
    private static PolicyConflict aConflict(String id, String... articles) {
        Instant lastSeen = T0.plusSeconds(3600L * articles.length);
        return PolicyConflict.newBuilder()
                .setConflictId(id)
                .setTopic(PolicyTopic.COOPERATION)
                .setPressing(aParty(articles[0], "US-DOJ", GovernmentLevel.FEDERAL, Stance.PRESS, T0))
                .setResisting(aParty(articles[1], "NYPD", GovernmentLevel.LOCAL, Stance.RESIST, T0))
                .setScore(0.5)
                .setExplanation("The Justice Department presses; the NYPD resists.")
                .setRuleVersion("rules-1")
                .setFirstSeen(T0)
                .setLastSeen(lastSeen)
                .setArticleIds(Arrays.asList(articles))
                .setEvidenceCount(articles.length)
                .build();
    }

    private static ConflictParty aParty(String itemId, String actor, GovernmentLevel level, Stance stance,
                                        Instant publishedAt) {
        return ConflictParty.newBuilder()
                .setItemId(itemId)
                .setStoryId("story-" + itemId)
                .setText("Text of " + itemId)
                .setPublishedAt(publishedAt)
                .setPosition(PolicyPosition.newBuilder()
                        .setActorId(actor)
                        .setActorName(actor)
                        .setLevel(level)
                        .setBranch(GovernmentBranch.EXECUTIVE)
                        .setJurisdiction(Jurisdiction.newBuilder().setCode("US-NY-NYC").setKind(JurisdictionKind.CITY)
                                .setName("New York City").build())
                        .setTopic(PolicyTopic.COOPERATION)
                        .setStance(stance)
                        .setInstrument(Instrument.MEMO)
                        .setConfidence(0.9)
                        .build())
                .build();
    }
}
