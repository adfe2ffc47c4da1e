package dev.flux.shutdown.tck.cleanup.late;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.flux.shutdown.Cleanup;
import dev.flux.shutdown.tck.cleanup.CleanupLog;

/** Used by the application; its cleanup (priority 10) writes to the audit trail. */
@ApplicationScoped
public class OrderBook {

    @Inject
    CleanupLog log;

    @Inject
    AuditTrail audit;

    public void touch() {
    }

    @Cleanup
    @Priority(10)
    void close() {
        audit.write("orders closed");
        log.record("orderBook.close");
    }
}
