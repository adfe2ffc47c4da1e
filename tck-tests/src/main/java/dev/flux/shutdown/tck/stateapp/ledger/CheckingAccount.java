package dev.flux.shutdown.tck.stateapp.ledger;

import jakarta.enterprise.context.ApplicationScoped;

import dev.flux.shutdown.Persistent;

/** One of the three accounts of the ledger. */
@ApplicationScoped
@Persistent("checking")
public class CheckingAccount extends Account {
}
