package dev.flux.shutdown.internal.process;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import dev.flux.shutdown.internal.config.ConfigReader;
import dev.flux.shutdown.internal.config.Durations;
import dev.flux.shutdown.internal.config.ConfigKeys;
import dev.flux.shutdown.internal.drain.DrainConfig;

/**
 * {@value #KEY}: how long the platform lets the process run after SIGTERM before it sends SIGKILL (a pod's
 * {@code terminationGracePeriodSeconds}), when the deployment says so. Kubernetes does not tell a pod its grace
 * period, so the manifest passes it as the environment variable {@value #ENV}, which MicroProfile Config maps to
 * the key. The library only compares it with its own bounds: a SIGKILL before {@code timeout} would cut the
 * shutdown short where the watchdog could not even report it.
 *
 * @param value the grace period, or empty when the deployment does not say
 */
public record GracePeriod(Optional<Duration> value) {

    public static final String KEY = ConfigKeys.PREFIX + "grace-period";
    /** The environment variable of {@link #KEY}, by MicroProfile Config's mapping. */
    public static final String ENV = "FLUX_SHUTDOWN_GRACE_PERIOD";

    static final String EXPECTED_FORM = "whole seconds as in terminationGracePeriodSeconds (such as 70), or a"
            + " duration such as 70s, 2m or PT70S";

    public static final GracePeriod UNKNOWN = new GracePeriod(Optional.empty());

    /**
     * The grace period from {@value #KEY} (where the environment source maps {@value #ENV}), or from {@value #ENV}
     * in {@code environment} when no config source has it.
     */
    public static GracePeriod read(ConfigReader reader, Map<String, String> environment) {
        Optional<String> text = reader.raw(KEY).or(() -> Optional.ofNullable(environment.get(ENV))
                .map(String::trim).filter(v -> !v.isEmpty()));
        if (text.isEmpty()) {
            return UNKNOWN;
        }
        Optional<Duration> parsed = Durations.parse(text.get());
        if (parsed.isEmpty()) {
            reader.invalid(KEY + " (" + ENV + ")", text.get(), EXPECTED_FORM);
            return UNKNOWN;
        }
        return new GracePeriod(parsed);
    }

    /**
     * A warning when the shutdown's bounds do not fit in the grace period, naming both values: FLUX-0851 when
     * even DRAINING may be cut ({@code readinessDelay + drainTimeout}), FLUX-0850 when cleanups and checkpoints
     * may be ({@code timeout}); empty when they fit or the grace period is unknown.
     */
    public Optional<Warning> warning(Duration readinessDelay, Duration drainTimeout, Duration timeout) {
        if (value.isEmpty() || value.get().compareTo(timeout) > 0) {
            return Optional.empty();
        }
        Duration grace = value.get();
        String given = "The pod's grace period (" + ENV + ": " + Durations.format(grace) + ")";
        long suggested = (timeout.toMillis() + 999) / 1000 + 10;
        String fix = "; set terminationGracePeriodSeconds (and " + ENV + ") above " + ConfigKeys.TIMEOUT
                + ", for example to " + suggested + ", or lower " + ConfigKeys.TIMEOUT;
        Duration draining = readinessDelay.plus(drainTimeout);
        if (grace.compareTo(draining) <= 0) {
            return Optional.of(new Warning("FLUX-0851", given + " is not longer than "
                    + ConfigKeys.READINESS_DELAY + " (" + Durations.format(readinessDelay) + ") + "
                    + DrainConfig.TIMEOUT + " (" + Durations.format(drainTimeout) + ") = " + Durations.format(draining)
                    + ": Kubernetes may SIGKILL the process while requests are still draining, and before "
                    + ConfigKeys.TIMEOUT + " (" + Durations.format(timeout) + ")" + fix));
        }
        return Optional.of(new Warning("FLUX-0850", given + " is not longer than " + ConfigKeys.TIMEOUT + " ("
                + Durations.format(timeout) + "): Kubernetes may SIGKILL the process during cleanups or checkpoints,"
                + " before the watchdog bounds and reports the shutdown" + fix));
    }

    /** A start-up warning: its code, and its text naming both values. */
    public record Warning(String code, String text) {

        /** The log line, with {@code label} (which application, inside a server) after the code. */
        public String line(String label) {
            return code + " " + label + text;
        }
    }
}
