package dev.flux.shutdown.tck.cleanup.invalid;

import jakarta.enterprise.context.ApplicationScoped;

import dev.flux.shutdown.Cleanup;

/** A static cleanup. */
@ApplicationScoped
public class StaticCleanup {

    @Cleanup
    static void close() {
    }
}
