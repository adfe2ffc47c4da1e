package dev.flux.shutdown.tck.cleanup.inherited;

import jakarta.inject.Inject;

import dev.flux.shutdown.Cleanup;
import dev.flux.shutdown.tck.cleanup.CleanupLog;

/** A base class that declares the cleanup its subclasses inherit. */
public abstract class PooledResource {

    @Inject
    CleanupLog log;

    public void touch() {
    }

    protected abstract String name();

    @Cleanup
    void closePool() {
        log.record(name());
    }
}
