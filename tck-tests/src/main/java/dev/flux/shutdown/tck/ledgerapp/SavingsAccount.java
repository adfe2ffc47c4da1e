package dev.flux.shutdown.tck.ledgerapp;

import jakarta.enterprise.context.ApplicationScoped;

import dev.flux.shutdown.Persistent;

/** One of the three accounts of the ledger test application. */
@ApplicationScoped
@Persistent("savings")
public class SavingsAccount extends Account {
}
