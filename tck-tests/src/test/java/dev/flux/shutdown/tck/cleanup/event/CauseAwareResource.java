package dev.flux.shutdown.tck.cleanup.event;

import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;

import dev.flux.shutdown.Cleanup;
import dev.flux.shutdown.ShutdownPhaseEvent;

/** A cleanup that takes the phase event, e.g. to act on why the application stops. */
@ApplicationScoped
public class CauseAwareResource {

    private final CompletableFuture<ShutdownPhaseEvent> received = new CompletableFuture<>();

    public void touch() {
    }

    @Cleanup
    void release(ShutdownPhaseEvent event) {
        received.complete(event);
    }

    public CompletableFuture<ShutdownPhaseEvent> received() {
        return received;
    }
}
