package dev.flux.shutdown.runtime.drain;

import java.time.Duration;

import dev.flux.shutdown.runtime.ConfigReader;
import dev.flux.shutdown.runtime.ShutdownConfig;

/**
 * Configuration of the DRAINING phase.
 *
 * @param timeout     {@value #TIMEOUT}: upper bound of DRAINING
 * @param newRequests {@value #NEW_REQUESTS}: what happens to requests that arrive during DRAINING
 * @param retryAfter  {@value #RETRY_AFTER}: the {@code Retry-After} of refused requests, whole seconds
 */
public record DrainConfig(Duration timeout, NewRequests newRequests, Duration retryAfter) {

    public static final String TIMEOUT = ShutdownConfig.PREFIX + "drain.timeout";
    public static final String NEW_REQUESTS = ShutdownConfig.PREFIX + "drain.new-requests";
    public static final String RETRY_AFTER = ShutdownConfig.PREFIX + "reject.retry-after";

    /** What DRAINING does with a request that arrives while it runs. */
    public enum NewRequests {
        /** Served and counted as in flight, with {@code Connection: close}. */
        SERVE,
        /** Refused with 503, {@code Retry-After} and {@code Connection: close}; never counted. */
        REJECT
    }

    public static DrainConfig read(ConfigReader reader) {
        Duration timeout = reader.duration(TIMEOUT, Duration.ofSeconds(30));
        NewRequests newRequests = reader.choice(NEW_REQUESTS, NewRequests.SERVE, NewRequests.class);
        Duration retryAfter = reader.duration(RETRY_AFTER, Duration.ofSeconds(5));
        if (retryAfter.toNanosPart() != 0) {
            reader.invalid(RETRY_AFTER, reader.raw(RETRY_AFTER).orElse(""), "whole seconds, such as 5s or 1m");
            retryAfter = Duration.ofSeconds(5);
        }
        return new DrainConfig(timeout, newRequests, retryAfter);
    }
}
