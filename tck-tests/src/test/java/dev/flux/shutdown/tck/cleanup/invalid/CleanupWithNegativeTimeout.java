package dev.flux.shutdown.tck.cleanup.invalid;

import jakarta.enterprise.context.ApplicationScoped;

import dev.flux.shutdown.Cleanup;

/** A negative timeout. */
@ApplicationScoped
public class CleanupWithNegativeTimeout {

    @Cleanup(timeout = "-5s")
    void close() {
    }
}
