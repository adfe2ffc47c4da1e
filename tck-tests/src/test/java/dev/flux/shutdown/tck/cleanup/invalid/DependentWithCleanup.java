package dev.flux.shutdown.tck.cleanup.invalid;

import jakarta.enterprise.context.Dependent;

import dev.flux.shutdown.Cleanup;

/** Dependent: a new instance per injection point, so no one instance to clean up. */
@Dependent
public class DependentWithCleanup {

    @Cleanup
    void close() {
    }
}
