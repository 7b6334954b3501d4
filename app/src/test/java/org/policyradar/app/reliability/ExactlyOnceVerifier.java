package org.policyradar.app.reliability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.policyradar.avro.AlertKind;
import org.policyradar.avro.ConflictAlert;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.registry.serde.SpecificAvroSerde;
import org.policyradar.testkit.TopicRecords;
import org.policyradar.topics.Topics;

/**
 * Checks the pipeline's outputs as a downstream consumer sees them ({@code read_committed}, every partition from
 * the start) against what a clean run produced, and says in words what is wrong:
 *
 * <ul>
 *   <li>policy.conflicts.v1: every expected conflict is there (latest value per key, and, when expected values
 *       are given, equal to them); no other key was ever written; no conflict state (key and value) was written
 *       twice, which is how reprocessing after a failure shows;</li>
 *   <li>policy.alerts.v1: no alert id twice, exactly one NEW_CONFLICT alert per expected conflict, no alert for
 *       anything else;</li>
 *   <li>news.items.v1 and news.enriched.v1, when their keys are expected: every expected key exactly once;</li>
 *   <li>news.dlq.v1: as many dead letters as expected.</li>
 * </ul>
 */
final class ExactlyOnceVerifier {

    private final Map<String, Object> clientConfig;

    /**
     * @param clientConfig bootstrap.servers and schema.registry.url (and any client setting) of the cluster to
     *                     read; the registry is only asked for schemas the shared client does not know yet
     */
    ExactlyOnceVerifier(Map<String, Object> clientConfig) {
        this.clientConfig = Map.copyOf(clientConfig);
    }

    /** What the outputs should hold. Null or negative parts are not checked. */
    record Expected(Map<String, PolicyConflict> conflicts, boolean compareValues, Set<String> itemIds,
                    Set<String> enrichedItemIds, int deadLetters) {

        /** These conflict ids, values not compared; nothing else checked. */
        static Expected conflictIds(Set<String> ids) {
            Map<String, PolicyConflict> conflicts = new TreeMap<>();
            ids.forEach(id -> conflicts.put(id, null));
            return new Expected(conflicts, false, null, null, -1);
        }

        /** These conflicts, with their latest values compared; nothing else checked. */
        static Expected conflicts(Map<String, PolicyConflict> latest) {
            return new Expected(new TreeMap<>(latest), true, null, null, -1);
        }

        Expected withItemIds(Set<String> ids) {
            return new Expected(conflicts, compareValues, Set.copyOf(ids), enrichedItemIds, deadLetters);
        }

        Expected withEnrichedItemIds(Set<String> ids) {
            return new Expected(conflicts, compareValues, itemIds, Set.copyOf(ids), deadLetters);
        }

        Expected withDeadLetters(int count) {
            return new Expected(conflicts, compareValues, itemIds, enrichedItemIds, count);
        }
    }

    /**
     * The outcome: a one-paragraph summary of what was read, and one line per problem.
     *
     * @param summary  counts of what was read, for the assertion message
     * @param problems empty when the outputs are exactly what was expected
     */
    record Report(String summary, List<String> problems) {

        boolean clean() {
            return problems.isEmpty();
        }

        @Override
        public String toString() {
            return summary + (problems.isEmpty() ? "\nno problems"
                    : "\n" + problems.size() + " problem(s):\n  " + String.join("\n  ", problems));
        }
    }

    /**
     * What the topics hold, as read: every record of the conflicts and alerts topics, the keys of every record of
     * news.items.v1 and news.enriched.v1, and the number of dead letters.
     */
    record Observed(List<ConsumerRecord<String, PolicyConflict>> conflicts,
                    List<ConsumerRecord<String, ConflictAlert>> alerts, List<String> itemKeys,
                    List<String> enrichedKeys, int deadLetters) {
    }

    /** Reads the topics and compares them with {@code expected}. */
    Report verify(Expected expected) {
        return check(expected, read());
    }

    /** Reads every topic the verifier looks at, with read_committed, from the start. */
    Observed read() {
        return new Observed(
                TopicRecords.readAll(clientConfig, Topics.POLICY_CONFLICTS, new StringDeserializer(),
                        this.<PolicyConflict>serde().deserializer()),
                TopicRecords.readAll(clientConfig, Topics.POLICY_ALERTS, new StringDeserializer(),
                        this.<ConflictAlert>serde().deserializer()),
                keysOf(Topics.NEWS_ITEMS),
                keysOf(Topics.NEWS_ENRICHED),
                keysOf(Topics.NEWS_DLQ).size());
    }

    /** Compares what was read with what was expected; no Kafka involved. */
    static Report check(Expected expected, Observed observed) {
        List<String> problems = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        checkConflicts(expected, observed.conflicts(), problems, summary);
        checkAlerts(expected.conflicts().keySet(), observed.alerts(), problems, summary);
        if (expected.itemIds() != null) {
            checkEachKeyOnce(Topics.NEWS_ITEMS, observed.itemKeys(), expected.itemIds(), problems, summary);
        }
        if (expected.enrichedItemIds() != null) {
            checkEachKeyOnce(Topics.NEWS_ENRICHED, observed.enrichedKeys(), expected.enrichedItemIds(), problems,
                    summary);
        }
        if (expected.deadLetters() >= 0) {
            summary.add(Topics.NEWS_DLQ + ": " + observed.deadLetters() + " records (expected "
                    + expected.deadLetters() + ")");
            if (observed.deadLetters() != expected.deadLetters()) {
                problems.add(Topics.NEWS_DLQ + " holds " + observed.deadLetters() + " records, expected "
                        + expected.deadLetters());
            }
        }
        return new Report(String.join("; ", summary), List.copyOf(problems));
    }

    private static void checkConflicts(Expected expected, List<ConsumerRecord<String, PolicyConflict>> records,
                                       List<String> problems, List<String> summary) {
        Map<String, PolicyConflict> latest = TopicRecords.latest(records);
        Map<String, PolicyConflict> wanted = expected.conflicts();
        summary.add(Topics.POLICY_CONFLICTS + ": " + records.size() + " records, " + latest.size()
                + " conflicts (expected " + wanted.size() + ")");

        for (Map.Entry<String, PolicyConflict> entry : wanted.entrySet()) {
            PolicyConflict found = latest.get(entry.getKey());
            if (found == null) {
                problems.add("missing conflict " + entry.getKey() + describe(entry.getValue()));
            } else if (expected.compareValues() && !found.equals(entry.getValue())) {
                problems.add("conflict " + entry.getKey() + " differs: expected" + describe(entry.getValue())
                        + ", found" + describe(found));
            }
        }
        Set<String> writtenKeys = records.stream().map(ConsumerRecord::key)
                .collect(Collectors.toCollection(TreeSet::new));
        for (String key : writtenKeys) {
            if (!wanted.containsKey(key)) {
                problems.add("unexpected conflict " + key
                        + (latest.containsKey(key) ? describe(latest.get(key)) : " (written, then deleted)"));
            }
        }
        // an update is written once: the same state twice means a batch of input was processed twice
        Map<String, Map<PolicyConflict, Long>> statesByKey = records.stream().filter(r -> r.value() != null)
                .collect(Collectors.groupingBy(ConsumerRecord::key, TreeMap::new,
                        Collectors.groupingBy(ConsumerRecord::value, LinkedHashMap::new, Collectors.counting())));
        statesByKey.forEach((key, states) -> states.forEach((state, count) -> {
            if (count > 1) {
                problems.add("duplicated conflict state: " + key + " written " + count + " times with the same value"
                        + describe(state));
            }
        }));
    }

    private static void checkAlerts(Set<String> expectedConflictIds,
                                    List<ConsumerRecord<String, ConflictAlert>> records,
                                    List<String> problems, List<String> summary) {
        List<ConflictAlert> alerts = records.stream().map(ConsumerRecord::value).filter(Objects::nonNull).toList();
        Map<String, Long> byAlertId = countBy(alerts, ConflictAlert::getAlertId);
        Map<String, Long> newConflictAlerts = countBy(
                alerts.stream().filter(a -> a.getKind() == AlertKind.NEW_CONFLICT).toList(),
                ConflictAlert::getConflictId);
        summary.add(Topics.POLICY_ALERTS + ": " + records.size() + " records, "
                + newConflictAlerts.values().stream().mapToLong(Long::longValue).sum() + " NEW_CONFLICT");

        records.stream().filter(r -> r.value() == null)
                .forEach(r -> problems.add("alert record without a value, key " + r.key()));
        records.stream().filter(r -> r.value() != null && !r.value().getConflictId().equals(r.key()))
                .forEach(r -> problems.add("alert " + r.value().getAlertId() + " keyed " + r.key()
                        + " instead of its conflict id"));
        byAlertId.forEach((alertId, count) -> {
            if (count > 1) {
                problems.add("duplicated alert id " + alertId + " (" + count + " times)");
            }
        });
        newConflictAlerts.forEach((conflictId, count) -> {
            if (count > 1) {
                problems.add("conflict " + conflictId + " has " + count + " NEW_CONFLICT alerts, expected one");
            }
        });
        expectedConflictIds.stream().filter(id -> !newConflictAlerts.containsKey(id))
                .forEach(id -> problems.add("missing NEW_CONFLICT alert for conflict " + id));
        alerts.stream().filter(a -> !expectedConflictIds.contains(a.getConflictId()))
                .map(a -> a.getAlertId()).distinct().sorted()
                .forEach(alertId -> problems.add("unexpected alert " + alertId));
        alerts.stream().filter(a -> a.getKind() != AlertKind.NEW_CONFLICT
                        && expectedConflictIds.contains(a.getConflictId()))
                .forEach(a -> problems.add("unexpected " + a.getKind() + " alert " + a.getAlertId()));
    }

    private static void checkEachKeyOnce(String topic, List<String> keys, Set<String> expectedKeys,
                                         List<String> problems, List<String> summary) {
        Map<String, Long> counts = countBy(keys, key -> key == null ? "(no key)" : key);
        summary.add(topic + ": " + keys.size() + " records, " + counts.size() + " keys (expected "
                + expectedKeys.size() + ")");
        new TreeSet<>(expectedKeys).stream().filter(key -> !counts.containsKey(key))
                .forEach(key -> problems.add("missing on " + topic + ": " + key));
        counts.forEach((key, count) -> {
            if (count > 1) {
                problems.add("duplicated on " + topic + ": " + key + " (" + count + " times)");
            }
            if (!expectedKeys.contains(key)) {
                problems.add("unexpected on " + topic + ": " + key);
            }
        });
    }

    /** The keys of every committed record of a topic; values are not decoded, so no registry is needed. */
    private List<String> keysOf(String topic) {
        return TopicRecords.readAll(clientConfig, topic, new StringDeserializer(), new ByteArrayDeserializer())
                .stream().map(ConsumerRecord::key).toList();
    }

    private <T extends org.apache.avro.specific.SpecificRecord> SpecificAvroSerde<T> serde() {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>();
        serde.configure(clientConfig, false);
        return serde;
    }

    private static <T> Map<String, Long> countBy(List<T> values, Function<T, String> key) {
        return values.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }

    private static String describe(PolicyConflict conflict) {
        if (conflict == null) {
            return "";
        }
        return " (articles " + conflict.getArticleIds() + ", score " + conflict.getScore() + ", evidence "
                + conflict.getEvidenceCount() + ", last seen " + conflict.getLastSeen() + ")";
    }
}
