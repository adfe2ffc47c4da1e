package dev.flux.shutdown.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.microprofile.config.Config;

import dev.flux.shutdown.internal.cleanup.CleanupConfig;
import dev.flux.shutdown.internal.config.ConfigKeys;
import dev.flux.shutdown.internal.config.ConfigReader;
import dev.flux.shutdown.internal.config.Durations;
import dev.flux.shutdown.internal.drain.DrainConfig;
import dev.flux.shutdown.internal.observe.ObservabilityConfig;
import dev.flux.shutdown.internal.drain.longlived.LongLivedConfig;
import dev.flux.shutdown.internal.process.GracePeriod;
import dev.flux.shutdown.internal.process.ProcessSetting;
import dev.flux.shutdown.internal.state.StateConfig;
import dev.flux.shutdown.internal.state.jdbc.JdbcStoreConfig;

/**
 * The whole configuration, read once at startup and validated; each concern gets its own part.
 *
 * @param enabled        {@value ConfigKeys#ENABLED}: {@code false} turns every behaviour off
 * @param signals        {@value ConfigKeys#SIGNALS}: signals that start a graceful shutdown ({@code TERM}, {@code INT},
 *                       {@code HUP})
 * @param readinessDelay {@value ConfigKeys#READINESS_DELAY}: time between readiness DOWN and DRAINING
 * @param timeout        {@value ConfigKeys#TIMEOUT}: bound of the whole shutdown, enforced by the watchdog
 * @param exitCode       {@value ConfigKeys#EXIT_CODE}: exit code after a complete graceful shutdown
 * @param forcedExitCode {@value ConfigKeys#FORCED_EXIT_CODE}: exit code when a bound was exceeded
 * @param process        {@code flux.shutdown.process}: who owns the process ({@code auto}, {@code application},
 *                       {@code server})
 * @param gracePeriod    {@code flux.shutdown.grace-period} ({@code FLUX_SHUTDOWN_GRACE_PERIOD}): the pod's
 *                       grace period, when the deployment passes it
 * @param observe        the report's format and the JMX operation ({@code flux.shutdown.report.format},
 *                       {@code flux.shutdown.jmx.shutdown-operation})
 */
public record ShutdownConfig(boolean enabled, Set<String> signals, Duration readinessDelay, Duration timeout,
        int exitCode, int forcedExitCode, ProcessSetting process, DrainConfig drain, CleanupConfig cleanup,
        StateConfig state, GracePeriod gracePeriod, LongLivedConfig longLived, ObservabilityConfig observe) {


    /** Signals that may start a shutdown; QUIT stays the JVM's thread dump, KILL and STOP cannot be caught. */
    public static final Set<String> CATCHABLE_SIGNALS = Set.of("TERM", "INT", "HUP");

    /** The readiness delay that {@code auto} means on Kubernetes, long enough for endpoints to be updated. */
    public static final Duration KUBERNETES_READINESS_DELAY = Duration.ofSeconds(5);

    static final String KUBERNETES_ENV = "KUBERNETES_SERVICE_HOST";

    /** Reads and validates the configuration of this process's environment. */
    public static ShutdownConfig read(Config config) {
        return read(config, System.getenv());
    }

    /**
     * Reads and validates the configuration.
     *
     * @throws jakarta.enterprise.inject.spi.DeploymentException naming every invalid key, its value and the
     *                                                           expected form
     */
    public static ShutdownConfig read(Config config, Map<String, String> environment) {
        ConfigReader reader = new ConfigReader(config);
        boolean enabled = reader.bool(ConfigKeys.ENABLED, true);
        Set<String> signals = reader.names(ConfigKeys.SIGNALS, Set.of("TERM", "INT"), CATCHABLE_SIGNALS, signalName());
        boolean onKubernetes = onKubernetes(environment);
        Duration readinessDelay = readinessDelay(reader, onKubernetes);
        Duration timeout = reader.duration(ConfigKeys.TIMEOUT, Duration.ofSeconds(60));
        int exitCode = reader.integer(ConfigKeys.EXIT_CODE, 0, 0, 255);
        int forcedExitCode = reader.integer(ConfigKeys.FORCED_EXIT_CODE, 1, 0, 255);
        ProcessSetting process = ProcessSetting.read(reader);
        DrainConfig drain = DrainConfig.read(reader, onKubernetes);
        CleanupConfig cleanup = CleanupConfig.read(reader);
        StateConfig state = StateConfig.read(reader, environment);
        LongLivedConfig longLived = LongLivedConfig.read(reader);
        GracePeriod gracePeriod = GracePeriod.read(reader, environment);
        ObservabilityConfig observe = ObservabilityConfig.read(reader);

        if (reader.problems().isEmpty() && readinessDelay.plus(drain.timeout()).compareTo(timeout) >= 0) {
            reader.problem(ConfigKeys.READINESS_DELAY + " (" + Durations.format(readinessDelay) + ") + " + DrainConfig.TIMEOUT
                    + " (" + Durations.format(drain.timeout()) + ") must be less than " + ConfigKeys.TIMEOUT + " ("
                    + Durations.format(timeout) + "), so that cleanup and checkpoints still have time before"
                    + " the watchdog halts the JVM: raise " + ConfigKeys.TIMEOUT + " or lower the other two");
        }
        if (reader.problems().isEmpty() && state.store() == StateConfig.StoreKind.JDBC
                && state.jdbc().timeout().compareTo(timeout) >= 0) {
            reader.problem(JdbcStoreConfig.TIMEOUT + " (" + Durations.format(state.jdbc().timeout()) + ") must be"
                    + " less than " + ConfigKeys.TIMEOUT + " (" + Durations.format(timeout) + "), so that a store that does not"
                    + " answer is reported before the watchdog halts the JVM");
        }
        reader.throwIfInvalid();
        return new ShutdownConfig(enabled, signals, readinessDelay, timeout, exitCode, forcedExitCode, process,
                drain, cleanup, state, gracePeriod, longLived, observe);
    }

    /** FLUX-0850 / FLUX-0851 when these bounds do not fit in the pod's grace period; logged once at start-up. */
    public Optional<GracePeriod.Warning> gracePeriodWarning() {
        return gracePeriod.warning(readinessDelay, drain.timeout(), timeout);
    }

    private static boolean onKubernetes(Map<String, String> environment) {
        String host = environment.get(KUBERNETES_ENV);
        return host != null && !host.isBlank();
    }

    private static Duration readinessDelay(ConfigReader reader, boolean onKubernetes) {
        if (reader.raw(ConfigKeys.READINESS_DELAY).filter(v -> v.equalsIgnoreCase("auto")).isPresent()
                || reader.raw(ConfigKeys.READINESS_DELAY).isEmpty()) {
            return onKubernetes ? KUBERNETES_READINESS_DELAY : Duration.ZERO;
        }
        String value = reader.raw(ConfigKeys.READINESS_DELAY).orElseThrow();
        return Durations.parse(value).orElseGet(() -> {
            reader.invalid(ConfigKeys.READINESS_DELAY, value, "auto or " + Durations.EXPECTED_FORM);
            return Duration.ZERO;
        });
    }

    private static Function<String, String> signalName() {
        return name -> {
            String upper = name.toUpperCase(Locale.ROOT);
            return upper.startsWith("SIG") ? upper.substring(3) : upper;
        };
    }
}
