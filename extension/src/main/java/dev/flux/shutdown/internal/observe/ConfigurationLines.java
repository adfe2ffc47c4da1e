package dev.flux.shutdown.internal.observe;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import dev.flux.shutdown.internal.ShutdownConfig;
import dev.flux.shutdown.internal.config.ConfigKeys;

/**
 * The configuration in force, as {@code name=value} strings for JMX consoles: every value of the validated
 * configuration (defaults included), named after the configuration records, which follow the keys
 * ({@code flux.shutdown.drain.new-requests=serve}; the few that differ are close:
 * {@code flux.shutdown.observe.report-format} for {@code flux.shutdown.report.format}). Read from the records
 * themselves, so that a new key shows up without being listed here.
 */
public final class ConfigurationLines {

    private ConfigurationLines() {
    }

    public static List<String> of(ShutdownConfig config) {
        List<String> lines = new ArrayList<>();
        add(lines, ConfigKeys.PREFIX, config);
        return lines;
    }

    private static void add(List<String> lines, String prefix, Record record) {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            Object value = read(component, record);
            String key = prefix + kebab(component.getName());
            if (value instanceof Record nested) {
                add(lines, key + ".", nested);
            } else {
                lines.add(key + "=" + text(value));
            }
        }
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            return "?";
        }
    }

    private static String text(Object value) {
        if (value instanceof Duration duration) {
            return asConfigured(duration);
        }
        if (value instanceof Enum<?> choice) {
            return choice.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        if (value instanceof Collection<?> items) {
            return String.join(",", new TreeSet<>(items.stream().map(String::valueOf).toList()));
        }
        return String.valueOf(value);
    }

    /** A duration as one would configure it: {@code 30s}, {@code 500ms}, else ISO-8601. */
    private static String asConfigured(Duration duration) {
        if (duration.toNanosPart() % 1_000_000 != 0) {
            return duration.toString();
        }
        return duration.toMillisPart() == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
