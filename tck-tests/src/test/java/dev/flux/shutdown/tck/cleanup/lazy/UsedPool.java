package dev.flux.shutdown.tck.cleanup.lazy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.flux.shutdown.Cleanup;
import dev.flux.shutdown.tck.cleanup.CleanupLog;

/** Used by the application, so cleaned up. */
@ApplicationScoped
public class UsedPool {

    @Inject
    CleanupLog log;

    public void touch() {
    }

    @Cleanup
    void close() {
        log.record("usedPool");
    }
}
