package dev.flux.shutdown.runtime.drain.longlived;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.sse.SseEventSink;

/**
 * A server-sent event stream, ended by a last event with the {@code retry:} hint and a close of the sink: the runtime
 * then ends the chunked response with its terminator, and the client sees a clean end of stream, not a reset.
 */
public final class OpenSseStream implements LongLived {

    private final SseEventSink sink;
    private final LongLivedConfig config;

    public OpenSseStream(SseEventSink sink, LongLivedConfig config) {
        this.sink = sink;
        this.config = config;
    }

    @Override
    public Kind kind() {
        return Kind.SSE_STREAM;
    }

    @Override
    public boolean isOpen() {
        return !sink.isClosed();
    }

    @Override
    public CompletionStage<?> end() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        CompletionStage<?> sent;
        try {
            sent = sink.send(new FarewellEvent(config.sseLastEvent().orElse(""), config.sseRetry()));
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e); // closed meanwhile (IllegalStateException): close is a no-op
        }
        // close after the event is written: a close right after send may drop what is still queued
        sent.whenComplete((ignored, failure) -> {
            try {
                sink.close();
                if (failure == null) {
                    closed.complete(null);
                } else {
                    closed.completeExceptionally(failure);
                }
            } catch (RuntimeException e) {
                closed.completeExceptionally(e);
            }
        });
        return closed;
    }

    /** Equal to every other handle of the same sink: one registered twice is ended once. */
    @Override
    public boolean equals(Object other) {
        return other instanceof OpenSseStream that && that.sink == sink;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(sink);
    }
}
