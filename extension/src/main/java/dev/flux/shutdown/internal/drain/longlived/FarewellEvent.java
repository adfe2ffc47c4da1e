package dev.flux.shutdown.internal.drain.longlived;

import java.lang.reflect.Type;
import java.time.Duration;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;

/**
 * The last event of a stream ended by DRAINING: the configured text, or no data (an {@code EventSource} then
 * dispatches nothing), always with the {@code retry:} hint. Built here rather than with the runtime's {@code Sse}
 * builder, which the library cannot reach from outside the resource method; the runtimes serialize any
 * {@link OutboundSseEvent} by its getters.
 */
final class FarewellEvent implements OutboundSseEvent {

    private final String data;
    private final long retryMillis;

    FarewellEvent(String data, Duration retry) {
        this.data = data;
        this.retryMillis = retry.toMillis();
    }

    @Override
    public Class<?> getType() {
        return String.class;
    }

    @Override
    public Type getGenericType() {
        return String.class;
    }

    @Override
    public MediaType getMediaType() {
        return MediaType.TEXT_PLAIN_TYPE;
    }

    @Override
    public Object getData() {
        return data;
    }

    @Override
    public String getId() {
        return null;
    }

    @Override
    public String getName() {
        return null;
    }

    @Override
    public String getComment() {
        return null;
    }

    @Override
    public long getReconnectDelay() {
        return retryMillis;
    }

    @Override
    public boolean isReconnectDelaySet() {
        return true;
    }
}
