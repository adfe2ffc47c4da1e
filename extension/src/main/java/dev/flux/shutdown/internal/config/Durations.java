package dev.flux.shutdown.internal.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the duration forms that flux-shutdown's configuration accepts. */
public final class Durations {

    /** The accepted forms, as quoted in error messages. */
    public static final String EXPECTED_FORM = "a non-negative duration such as 500ms, 30s, 2m, 1h or PT30S"
            + " (a bare number means seconds)";

    private static final Pattern SIMPLE = Pattern.compile("(\\d{1,18})\\s*(ms|s|m|h)?");

    private Durations() {
    }

    /** The duration that {@code text} denotes, or empty when it is not one of the {@link #EXPECTED_FORM}s. */
    public static Optional<Duration> parse(String text) {
        String value = text.trim();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (value.charAt(0) == 'P' || value.charAt(0) == 'p') {
            try {
                Duration iso = Duration.parse(value.toUpperCase(Locale.ROOT));
                return iso.isNegative() ? Optional.empty() : Optional.of(iso);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        Matcher m = SIMPLE.matcher(value.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        try {
            return Optional.of(switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            });
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** A short human form for logs and reports: {@code 250ms}, {@code 1.5s}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + "ms";
        }
        return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }
}
