package dev.flux.shutdown.tck.cleanup.priority;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import dev.flux.shutdown.Cleanup;
import dev.flux.shutdown.tck.cleanup.CleanupLog;

/** A {@code @Singleton} bean, ordered with the others. */
@Singleton
public class MetricsRegistry {

    @Inject
    CleanupLog log;

    @Cleanup
    @Priority(15)
    void publishLastValues() {
        log.record("metrics.publishLastValues");
    }
}
