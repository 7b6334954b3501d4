package org.policyradar.app.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads durations the way people write them on a command line: {@code 30s}, {@code 5m}, {@code 2h}, {@code 7d}, or ISO-8601 ({@code PT5M}). */
public final class DurationConverter implements ITypeConverter<Duration> {

    private static final Pattern SHORT = Pattern.compile("(\\d+)\\s*([smhd])");

    @Override
    public Duration convert(String text) {
        return parse(text);
    }

    /** The duration {@code text} stands for; a clear error naming the accepted forms otherwise. */
    public static Duration parse(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        Matcher matcher = SHORT.matcher(value);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + text + "' is not a duration: write e.g. 30s, 5m, 2h, 7d or PT5M");
        }
    }
}
