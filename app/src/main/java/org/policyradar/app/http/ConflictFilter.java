package org.policyradar.app.http;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.policyradar.avro.ConflictParty;
import org.policyradar.avro.Jurisdiction;
import org.policyradar.avro.PolicyConflict;
import org.policyradar.avro.PolicyPosition;
import org.policyradar.avro.PolicyTopic;
import org.policyradar.streams.enrich.PolicyDomains;

/**
 * The filters of {@code GET /api/conflicts}; every filter is optional and they all must hold.
 *
 * @param topic        the conflict's topic
 * @param domain       the policy domain of the conflict's topic (IMMIGRATION, EDUCATION, ...; any case)
 * @param jurisdiction a jurisdiction code (exact, any case; a state's postal code also matches the places in that
 *                     state) or a part of a jurisdiction name, on either side
 * @param actor        an actor id (exact, any case) or a part of an actor name, on either side
 * @param since        only conflicts whose last article is at or after this instant
 */
public record ConflictFilter(PolicyTopic topic, String domain, String jurisdiction, String actor, Instant since) {

    /** No filter at all. */
    public static final ConflictFilter NONE = new ConflictFilter(null, null, null, null, null);

    /**
     * Reads the filters from query parameters (a missing or blank parameter means no filter).
     *
     * @throws ApiException 400 when a topic or an instant cannot be read
     */
    public static ConflictFilter fromQuery(Function<String, String> param) {
        return new ConflictFilter(topic(blankToNull(param.apply("topic"))),
                domain(blankToNull(param.apply("domain"))),
                blankToNull(param.apply("jurisdiction")),
                blankToNull(param.apply("actor")),
                since(blankToNull(param.apply("since"))));
    }

    private static PolicyTopic topic(String value) {
        if (value == null) {
            return null;
        }
        try {
            return PolicyTopic.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Unknown topic '" + value + "'; expected one of "
                    + Arrays.toString(PolicyTopic.values()));
        }
    }

    private static String domain(String value) {
        if (value == null) {
            return null;
        }
        String domain = value.trim().toUpperCase(Locale.ROOT);
        boolean known = Arrays.stream(PolicyTopic.values()).anyMatch(t -> PolicyDomains.of(t).equals(domain));
        if (!known) {
            throw ApiException.badRequest("Unknown domain '" + value + "'; expected one of "
                    + Arrays.stream(PolicyTopic.values()).map(PolicyDomains::of).distinct().toList());
        }
        return domain;
    }

    private static Instant since(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("Cannot read since='" + value
                    + "' as an ISO-8601 instant such as 2025-02-03T09:00:00Z");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public boolean matches(PolicyConflict conflict) {
        return (topic == null || conflict.getTopic() == topic)
                && (domain == null || PolicyDomains.of(conflict.getTopic()).equals(domain))
                && (since == null || !conflict.getLastSeen().isBefore(since))
                && (jurisdiction == null || eitherSide(conflict, this::jurisdictionMatches))
                && (actor == null || eitherSide(conflict, this::actorMatches));
    }

    private static boolean eitherSide(PolicyConflict conflict, java.util.function.Predicate<PolicyPosition> test) {
        return test.test(positionOf(conflict.getPressing())) || test.test(positionOf(conflict.getResisting()));
    }

    private static PolicyPosition positionOf(ConflictParty party) {
        return party.getPosition();
    }

    private boolean jurisdictionMatches(PolicyPosition position) {
        Jurisdiction place = position.getJurisdiction();
        return jurisdiction.equalsIgnoreCase(place.getCode())
                || jurisdiction.equalsIgnoreCase(place.getState())
                || containsIgnoringCase(place.getName(), jurisdiction);
    }

    private boolean actorMatches(PolicyPosition position) {
        return actor.equalsIgnoreCase(position.getActorId()) || containsIgnoringCase(position.getActorName(), actor);
    }

    private static boolean containsIgnoringCase(String text, String part) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }

    /** The filters as query parameters, to pass them on to another instance. */
    public Map<String, String> asQuery() {
        Map<String, String> query = new LinkedHashMap<>();
        if (topic != null) {
            query.put("topic", topic.name());
        }
        if (domain != null) {
            query.put("domain", domain);
        }
        if (jurisdiction != null) {
            query.put("jurisdiction", jurisdiction);
        }
        if (actor != null) {
            query.put("actor", actor);
        }
        if (since != null) {
            query.put("since", since.toString());
        }
        return query;
    }
}
