package dev.flux.shutdown.internal.cleanup;

import java.time.Duration;

import dev.flux.shutdown.internal.config.ConfigReader;
import dev.flux.shutdown.internal.config.ConfigKeys;

/**
 * Configuration of the CLEANING phase.
 *
 * @param timeout {@value #TIMEOUT}: bound of one cleanup that declares none of its own
 */
public record CleanupConfig(Duration timeout) {

    public static final String TIMEOUT = ConfigKeys.PREFIX + "cleanup.timeout";

    public static CleanupConfig read(ConfigReader reader) {
        Duration timeout = reader.duration(TIMEOUT, Duration.ofSeconds(10));
        if (timeout.isZero()) {
            reader.invalid(TIMEOUT, reader.raw(TIMEOUT).orElse(""), "a positive duration such as 500ms or 10s");
        }
        return new CleanupConfig(timeout);
    }
}
