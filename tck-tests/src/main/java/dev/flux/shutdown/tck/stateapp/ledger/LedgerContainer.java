package dev.flux.shutdown.tck.stateapp.ledger;

import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;

import dev.flux.shutdown.Shutdown;
import dev.flux.shutdown.internal.cdi.portable.FluxShutdownExtension;

/** The Weld SE container of the ledger services: the library, the three accounts, the ledger and its data source. */
public final class LedgerContainer {

    private LedgerContainer() {
    }

    /** Starts the container; the library loads the accounts' checkpoint as they are created. */
    public static SeContainer start() {
        return SeContainerInitializer.newInstance().disableDiscovery()
                .addExtensions(new FluxShutdownExtension())
                .addPackages(true, Shutdown.class)
                .addBeanClasses(CheckingAccount.class, SavingsAccount.class, ReserveAccount.class, Ledger.class,
                        LedgerDataSource.class)
                .initialize();
    }
}
