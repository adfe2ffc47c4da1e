package dev.flux.shutdown.tck.cleanup.late;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.flux.shutdown.Cleanup;
import dev.flux.shutdown.tck.cleanup.CleanupLog;

/** Without a priority, created while the application ran: older than any bean created during CLEANING. */
@ApplicationScoped
public class Cache {

    @Inject
    CleanupLog log;

    public void touch() {
    }

    @Cleanup
    void close() {
        log.record("cache.close");
    }
}
