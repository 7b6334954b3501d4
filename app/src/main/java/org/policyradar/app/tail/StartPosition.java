package org.policyradar.app.tail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where {@code tail} starts reading each partition: the beginning, the end, or the first record at or after an
 * instant (found with {@code KafkaConsumer.offsetsForTimes}).
 */
public sealed interface StartPosition {

    /** The first retained record of every partition. */
    record Earliest() implements StartPosition {
    }

    /** The end of every partition: only records written from now on. */
    record Latest() implements StartPosition {
    }

    /** The first record whose timestamp is at or after {@code instant}; the end where there is none. */
    record At(Instant instant) implements StartPosition {
    }

    /** A relative start such as {@code -2h}: a minus sign, a whole number and one of s, m, h, d. */
    Pattern RELATIVE = Pattern.compile("-(\\d{1,9})([smhd])");

    /**
     * Reads {@code earliest}, {@code latest}, an ISO-8601 instant ({@code 2025-03-01T12:00:00Z}, an offset such as
     * {@code +01:00} is accepted), a date ({@code 2025-03-01}, midnight UTC), or a duration back from now on
     * {@code clock} ({@code -30s}, {@code -30m}, {@code -2h}, {@code -7d}).
     *
     * @throws IllegalArgumentException naming the accepted forms when {@code text} is none of them
     */
    static StartPosition parse(String text, Clock clock) {
        String value = text == null ? "" : text.strip();
        switch (value.toLowerCase(Locale.ROOT)) {
            case "earliest", "beginning" -> {
                return new Earliest();
            }
            case "latest", "end" -> {
                return new Latest();
            }
            default -> {
                // fall through to the other forms
            }
        }
        Matcher relative = RELATIVE.matcher(value.toLowerCase(Locale.ROOT));
        if (relative.matches()) {
            long amount = Long.parseLong(relative.group(1));
            Duration back = switch (relative.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            return new At(clock.instant().minus(back));
        }
        try {
            return new At(Instant.parse(value));
        } catch (DateTimeParseException notAnInstant) {
            try {
                return new At(LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant());
            } catch (DateTimeParseException notADate) {
                throw new IllegalArgumentException("cannot read '" + text + "' as a start position: expected "
                        + "earliest, latest, an ISO-8601 instant (2025-03-01T12:00:00Z), a date (2025-03-01) "
                        + "or a duration back from now (-30s, -30m, -2h, -7d)");
            }
        }
    }
}
