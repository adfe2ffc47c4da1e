package dev.flux.shutdown.tck.cleanup.creation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.flux.shutdown.Cleanup;
import dev.flux.shutdown.tck.cleanup.CleanupLog;

/** Created while {@link Repository} starts: it must be released after it. */
@ApplicationScoped
public class Connection {

    @Inject
    CleanupLog log;

    public void open() {
    }

    @Cleanup
    void close() {
        log.record("connection");
    }
}
