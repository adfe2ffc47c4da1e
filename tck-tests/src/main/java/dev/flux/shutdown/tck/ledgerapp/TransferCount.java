package dev.flux.shutdown.tck.ledgerapp;

import jakarta.enterprise.context.ApplicationScoped;

import dev.flux.shutdown.Persistent;

/** How many transfers the ledger has made, across restarts and hand-overs: it only grows. */
@ApplicationScoped
@Persistent("transfers")
public class TransferCount {

    private long count;

    public synchronized long next() {
        return ++count;
    }

    public synchronized long count() {
        return count;
    }
}
