package dev.flux.shutdown.tck.app;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;

import dev.flux.shutdown.Cleanup;
import dev.flux.shutdown.Persistent;

/**
 * A bean with both a cleanup and a checkpoint, for the tests that look at a shutdown from outside (JFR, JMX): it
 * exists only once {@code /ledger} has been called, so the other tests' shutdowns skip its cleanup and write no
 * checkpoint.
 */
@ApplicationScoped
@Persistent("ledger")
public class Ledger {

    /** Printed by its cleanup. */
    public static final String CLOSED = "FLUX-TCK LEDGER CLOSED entries=";

    private long entries;

    public synchronized long add() {
        return ++entries;
    }

    @Cleanup
    @Priority(10)
    synchronized void close() {
        TckOutput.print(CLOSED + entries);
    }
}
