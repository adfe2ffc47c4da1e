package dev.flux.shutdown.tck.cleanup.invalid;

import jakarta.enterprise.context.ApplicationScoped;

import dev.flux.shutdown.Cleanup;

/** A timeout that is not a duration. */
@ApplicationScoped
public class CleanupWithUnparsableTimeout {

    @Cleanup(timeout = "soon")
    void close() {
    }
}
