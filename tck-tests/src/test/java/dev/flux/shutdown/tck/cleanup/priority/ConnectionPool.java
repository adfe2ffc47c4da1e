package dev.flux.shutdown.tck.cleanup.priority;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.flux.shutdown.Cleanup;
import dev.flux.shutdown.tck.cleanup.CleanupLog;

/** Priority on the class (20) applies to its cleanups unless a method has its own. */
@ApplicationScoped
@Priority(20)
public class ConnectionPool {

    @Inject
    CleanupLog log;

    public void touch() {
    }

    @Cleanup
    void closeConnections() {
        log.record("pool.closeConnections");
    }

    @Cleanup
    @Priority(5)
    void stopLending() {
        log.record("pool.stopLending");
    }
}
