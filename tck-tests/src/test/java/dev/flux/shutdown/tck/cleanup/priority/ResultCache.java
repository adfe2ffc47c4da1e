package dev.flux.shutdown.tck.cleanup.priority;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.flux.shutdown.Cleanup;
import dev.flux.shutdown.tck.cleanup.CleanupLog;

/** Priorities on the methods only, and one cleanup without a priority. */
@ApplicationScoped
public class ResultCache {

    @Inject
    CleanupLog log;

    public void touch() {
    }

    @Cleanup
    @Priority(10)
    void flush() {
        log.record("cache.flush");
    }

    @Cleanup
    @Priority(30)
    void drop() {
        log.record("cache.drop");
    }

    @Cleanup
    void unprioritized() {
        log.record("cache.unprioritized");
    }
}
