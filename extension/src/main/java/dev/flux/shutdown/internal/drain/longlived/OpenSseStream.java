package dev.flux.shutdown.internal.drain.longlived;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.sse.SseEventSink;

/**
 * A server-sent event stream, ended by a last event with the {@code retry:} hint and a close of the sink: the runtime
 * then ends the chunked response with its terminator, and the client sees a clean end of stream, not a reset.
 */
public final class OpenSseStream extends LongLivedHandle<SseEventSink> {

    private final LongLivedConfig config;

    public OpenSseStream(SseEventSink sink, LongLivedConfig config) {
        super(Kind.SSE_STREAM, sink);
        this.config = config;
    }

    @Override
    public boolean isOpen() {
        return !target().isClosed();
    }

    @Override
    public CompletionStage<?> end() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        CompletionStage<?> sent;
        try {
            sent = target().send(new FarewellEvent(config.sseLastEvent().orElse(""), config.sseRetry()));
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e); // closed meanwhile (IllegalStateException): close is a no-op
        }
        // close after the event is written: a close right after send may drop what is still queued
        sent.whenComplete((ignored, failure) -> {
            try {
                target().close();
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
}
