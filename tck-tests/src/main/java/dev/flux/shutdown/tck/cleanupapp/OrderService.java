package dev.flux.shutdown.tck.cleanupapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Places orders: stores each in the database, appends it to the audit file and logs it. */
@ApplicationScoped
public class OrderService {

    @Inject
    OrderStore store;

    @Inject
    AuditTrail audit;

    public void place(int id, String item) {
        store.insert(id, item);
        audit.append("order " + id + " " + item);
        BufferedLogFile.ORDERS.info(() -> "stored order " + id);
    }
}
