package dev.flux.shutdown.tck.cleanup.late;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.flux.shutdown.Cleanup;
import dev.flux.shutdown.tck.cleanup.CleanupLog;

/** Used by the application; its cleanup (priority 20) writes to the audit trail, and opens the spool. */
@ApplicationScoped
public class PaymentGateway {

    @Inject
    CleanupLog log;

    @Inject
    AuditTrail audit;

    @Inject
    Journal journal;

    public void touch() {
    }

    @Cleanup
    @Priority(20)
    void close() {
        audit.write("payments closed");
        journal.append("payments closed");
        log.record("paymentGateway.close");
    }
}
