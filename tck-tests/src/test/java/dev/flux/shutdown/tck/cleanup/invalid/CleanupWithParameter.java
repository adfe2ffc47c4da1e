package dev.flux.shutdown.tck.cleanup.invalid;

import jakarta.enterprise.context.ApplicationScoped;

import dev.flux.shutdown.Cleanup;

/** A parameter that flux-shutdown cannot supply. */
@ApplicationScoped
public class CleanupWithParameter {

    @Cleanup
    void close(String reason) {
    }
}
