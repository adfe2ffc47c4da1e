package dev.flux.shutdown.internal.drain.longlived;

import java.time.Duration;
import java.util.Optional;

import dev.flux.shutdown.internal.config.ConfigReader;
import dev.flux.shutdown.internal.config.ConfigKeys;

/**
 * Configuration of the ending of long-lived responses (server-sent event streams, long polls, WebSocket sessions) at
 * the start of DRAINING.
 *
 * @param enabled      {@value #ENABLED}: {@code false} makes them ordinary in-flight work again, awaited by DRAINING
 *                     (until {@code flux.shutdown.drain.timeout}), as the library did before it ended them
 * @param sseLastEvent {@value #SSE_LAST_EVENT}: data of a last event sent to every open stream before it ends; empty
 *                     (the default) sends none
 * @param sseRetry     {@value #SSE_RETRY}: the {@code retry:} hint sent with it, the delay after which an
 *                     {@code EventSource} reconnects (through the load balancer, to another instance)
 * @param endTimeout   {@value #END_TIMEOUT}: how long DRAINING waits, at most, for the last events and closes to be
 *                     written before it goes on to wait for ordinary work
 */
public record LongLivedConfig(boolean enabled, Optional<String> sseLastEvent, Duration sseRetry, Duration endTimeout) {

    public static final String ENABLED = ConfigKeys.PREFIX + "drain.long-lived.enabled";
    public static final String SSE_LAST_EVENT = ConfigKeys.PREFIX + "drain.sse.last-event";
    public static final String SSE_RETRY = ConfigKeys.PREFIX + "drain.sse.retry";
    public static final String END_TIMEOUT = ConfigKeys.PREFIX + "drain.long-lived.timeout";

    public LongLivedConfig {
        sseLastEvent = sseLastEvent.filter(text -> !text.isEmpty());
    }

    /** The defaults: no last event, {@code retry: 1000}, 5 s to write the ends. */
    public static LongLivedConfig defaults() {
        return new LongLivedConfig(true, Optional.empty(), Duration.ofSeconds(1), Duration.ofSeconds(5));
    }

    public static LongLivedConfig read(ConfigReader reader) {
        LongLivedConfig defaults = defaults();
        boolean enabled = reader.bool(ENABLED, true);
        Optional<String> lastEvent = reader.raw(SSE_LAST_EVENT);
        if (lastEvent.filter(text -> text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0).isPresent()) {
            reader.invalid(SSE_LAST_EVENT, lastEvent.get(), "one line of text (no line breaks), or empty for none");
        }
        Duration retry = reader.duration(SSE_RETRY, defaults.sseRetry());
        if (retry.isNegative()) {
            reader.invalid(SSE_RETRY, reader.raw(SSE_RETRY).orElse(""), "a duration of 0 or more, such as 1s");
        }
        Duration endTimeout = reader.duration(END_TIMEOUT, defaults.endTimeout());
        if (endTimeout.isNegative() || endTimeout.isZero()) {
            reader.invalid(END_TIMEOUT, reader.raw(END_TIMEOUT).orElse(""), "a positive duration, such as 5s");
        }
        return new LongLivedConfig(enabled, lastEvent, retry, endTimeout);
    }
}
