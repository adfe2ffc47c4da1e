package dev.flux.shutdown.tck.cleanup.invalid;

import jakarta.enterprise.context.ApplicationScoped;

import dev.flux.shutdown.Cleanup;

/** A private cleanup. */
@ApplicationScoped
public class PrivateCleanup {

    @Cleanup
    private void close() {
    }
}
