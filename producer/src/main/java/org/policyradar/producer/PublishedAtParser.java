package org.policyradar.producer;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.regex.Pattern;

/**
 * Parses {@code published_at}: ISO-8601 date-times with an offset ({@code 2025-01-24T10:00:00-05:00}), with
 * {@code Z}, or with a region ({@code ...-05:00[America/New_York]}); a date-time without any zone, taken as UTC;
 * and a plain date ({@code 2025-01-24}), taken as midnight UTC. A space instead of the {@code T} is accepted, as
 * RFC 3339 allows.
 */
final class PublishedAtParser {

    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_DATE_TIME)
            .toFormatter();
    private static final Pattern SPACE_SEPARATED = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (\\d)");
    // Avro timestamp-millis and the topic's consumers cope with years 1..9999; anything else is a typo
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private PublishedAtParser() {
    }

    static Instant parse(String value) throws BadLineException {
        String text = SPACE_SEPARATED.matcher(value.strip()).replaceFirst("$1T$2");
        Instant instant;
        try {
            instant = text.indexOf('T') >= 0 || text.indexOf('t') >= 0 ? dateTime(text) : date(text);
        } catch (DateTimeException e) {
            throw new BadLineException("unparseable published_at \"" + abbreviate(value)
                    + "\": expected an ISO-8601 date or date-time, e.g. 2025-01-24T10:00:00Z");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new BadLineException("published_at \"" + abbreviate(value) + "\" is outside the years 1 to 9999");
        }
        return instant;
    }

    private static Instant dateTime(String text) throws DateTimeParseException {
        TemporalAccessor parsed = DATE_TIME.parseBest(text, ZonedDateTime::from, LocalDateTime::from);
        if (parsed instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    }

    private static Instant date(String text) throws DateTimeParseException {
        return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static String abbreviate(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
