package dev.flux.shutdown.internal.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.spi.DeploymentException;

import org.eclipse.microprofile.config.Config;

/**
 * Reads typed values from MicroProfile Config and collects every problem, so that one failed startup names all
 * the keys that need fixing, each with its value and the expected form.
 */
public final class ConfigReader {

    private final Config config;
    private final List<String> problems = new ArrayList<>();

    public ConfigReader(Config config) {
        this.config = config;
    }

    /** The raw value of {@code key}, or empty when it is not set (MicroProfile Config treats "" as not set). */
    public Optional<String> raw(String key) {
        return config.getOptionalValue(key, String.class).map(String::trim);
    }

    public boolean bool(String key, boolean defaultValue) {
        return read(key, defaultValue, "true or false", text -> switch (text.toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        });
    }

    public Duration duration(String key, Duration defaultValue) {
        return read(key, defaultValue, Durations.EXPECTED_FORM, text -> Durations.parse(text).orElse(null));
    }

    public int integer(String key, int defaultValue, int min, int max) {
        return read(key, defaultValue, "a whole number from " + min + " to " + max, text -> {
            try {
                int value = Integer.parseInt(text);
                return value >= min && value <= max ? value : null;
            } catch (NumberFormatException e) {
                return null;
            }
        });
    }

    /** An enum value written in kebab-case or any case: {@code serve}, {@code REJECT}. */
    public <E extends Enum<E>> E choice(String key, E defaultValue, Class<E> type) {
        String expected = Arrays.stream(type.getEnumConstants()).map(ConfigReader::kebab)
                .collect(Collectors.joining(" or "));
        return read(key, defaultValue, expected, text -> Arrays.stream(type.getEnumConstants())
                .filter(e -> kebab(e).equalsIgnoreCase(text)).findFirst().orElse(null));
    }

    /** A comma-separated list whose every item must be in {@code allowed}; an empty item is a problem. */
    public Set<String> names(String key, Set<String> defaultValue, Set<String> allowed, Function<String, String> normalize) {
        String expected = "a comma-separated list of " + String.join(", ", allowed);
        return read(key, defaultValue, expected, text -> {
            Set<String> names = new LinkedHashSet<>();
            for (String item : text.split(",", -1)) {
                String name = normalize.apply(item.trim());
                if (!allowed.contains(name)) {
                    return null;
                }
                names.add(name);
            }
            return Set.copyOf(names);
        });
    }

    /** Records a problem that is not about the form of one value, such as inconsistent bounds. */
    public void problem(String message) {
        problems.add(message);
    }

    /** Fails the deployment with every problem found so far, or does nothing when there is none. */
    public void throwIfInvalid() {
        if (problems.isEmpty()) {
            return;
        }
        throw new DeploymentException(
                "FLUX-0100 Invalid flux-shutdown configuration:\n  " + String.join("\n  ", problems));
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    private <T> T read(String key, T defaultValue, String expected, Function<String, T> parser) {
        Optional<String> text = raw(key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        T value = parser.apply(text.get());
        if (value == null) {
            invalid(key, text.get(), expected);
            return defaultValue;
        }
        return value;
    }

    /** Records that {@code key} has {@code value}, which is not of the {@code expected} form. */
    public void invalid(String key, String value, String expected) {
        problems.add(key + "='" + value + "' is invalid: expected " + expected);
    }

    private static String kebab(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
