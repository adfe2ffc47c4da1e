package dev.flux.shutdown.sample.arc.build.invalid;

import jakarta.enterprise.context.ApplicationScoped;

import dev.flux.shutdown.Cleanup;

/** Invalid on purpose: flux-shutdown does not call private methods. */
@ApplicationScoped
public class PrivateCleanup {

    @Cleanup
    private void close() {
    }
}
