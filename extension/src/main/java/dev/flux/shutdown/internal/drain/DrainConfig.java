package dev.flux.shutdown.internal.drain;

import java.time.Duration;

import dev.flux.shutdown.internal.config.ConfigReader;
import dev.flux.shutdown.internal.config.Durations;
import dev.flux.shutdown.internal.config.ConfigKeys;

/**
 * Configuration of the DRAINING phase.
 *
 * @param timeout     {@value #TIMEOUT}: upper bound of DRAINING
 * @param newRequests {@value #NEW_REQUESTS}: what happens to requests that arrive during DRAINING
 * @param retryAfter  {@value #RETRY_AFTER}: the {@code Retry-After} of refused requests, whole seconds
 * @param quietPeriod {@value #QUIET_PERIOD}: how long no new request may arrive, with nothing in flight, before
 *                    DRAINING ends; a proxy may still route here for a while after readiness went DOWN
 */
public record DrainConfig(Duration timeout, NewRequests newRequests, Duration retryAfter, Duration quietPeriod) {

    public static final String TIMEOUT = ConfigKeys.PREFIX + "drain.timeout";
    public static final String NEW_REQUESTS = ConfigKeys.PREFIX + "drain.new-requests";
    public static final String RETRY_AFTER = ConfigKeys.PREFIX + "reject.retry-after";
    public static final String QUIET_PERIOD = ConfigKeys.PREFIX + "drain.quiet-period";

    /**
     * The quiet period that {@code auto} means on Kubernetes: endpoint removal reaches kube-proxy and ingresses
     * seconds after the pod's deletion, whatever its readiness says, and requests keep coming until then.
     */
    public static final Duration KUBERNETES_QUIET_PERIOD = Duration.ofSeconds(2);

    /** A configuration with no quiet period, for tests and benchmarks that build one by hand. */
    public DrainConfig(Duration timeout, NewRequests newRequests, Duration retryAfter) {
        this(timeout, newRequests, retryAfter, Duration.ZERO);
    }

    /** What DRAINING does with a request that arrives while it runs. */
    public enum NewRequests {
        /** Served and counted as in flight, with {@code Connection: close}. */
        SERVE,
        /** Refused with 503, {@code Retry-After} and {@code Connection: close}; never counted. */
        REJECT
    }

    /**
     * Reads and checks the keys of DRAINING.
     *
     * @param onKubernetes whether the process runs in a Kubernetes pod, where {@code auto} means a quiet period
     */
    public static DrainConfig read(ConfigReader reader, boolean onKubernetes) {
        Duration timeout = reader.duration(TIMEOUT, Duration.ofSeconds(30));
        NewRequests newRequests = reader.choice(NEW_REQUESTS, NewRequests.SERVE, NewRequests.class);
        Duration retryAfter = reader.duration(RETRY_AFTER, Duration.ofSeconds(5));
        if (retryAfter.toNanosPart() != 0) {
            reader.invalid(RETRY_AFTER, reader.raw(RETRY_AFTER).orElse(""), "whole seconds, such as 5s or 1m");
            retryAfter = Duration.ofSeconds(5);
        }
        return new DrainConfig(timeout, newRequests, retryAfter, quietPeriod(reader, timeout, onKubernetes));
    }

    /**
     * {@code auto}: {@link #KUBERNETES_QUIET_PERIOD} on Kubernetes (at most half of {@code drain.timeout}), else
     * none, so that DRAINING ends on the last release. A set value must leave DRAINING a chance to end before its
     * timeout.
     */
    private static Duration quietPeriod(ConfigReader reader, Duration timeout, boolean onKubernetes) {
        String raw = reader.raw(QUIET_PERIOD).orElse("auto");
        if (raw.equalsIgnoreCase("auto")) {
            if (!onKubernetes) {
                return Duration.ZERO;
            }
            Duration half = timeout.dividedBy(2);
            return half.compareTo(KUBERNETES_QUIET_PERIOD) < 0 ? half : KUBERNETES_QUIET_PERIOD;
        }
        Duration quiet = Durations.parse(raw).orElse(null);
        if (quiet == null) {
            reader.invalid(QUIET_PERIOD, raw, "auto or " + Durations.EXPECTED_FORM);
            return Duration.ZERO;
        }
        if (quiet.compareTo(timeout) >= 0) {
            reader.invalid(QUIET_PERIOD, raw, "auto or a duration less than " + TIMEOUT + " ("
                    + Durations.format(timeout) + "), or DRAINING could never end before its timeout");
            return Duration.ZERO;
        }
        return quiet;
    }
}
