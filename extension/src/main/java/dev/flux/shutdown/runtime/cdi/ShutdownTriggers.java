package dev.flux.shutdown.runtime.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.runtime.ShutdownCoordinator;
import dev.flux.shutdown.runtime.signal.SignalTrigger;

/**
 * Connects the triggers that are not a method call: signals, installed when the application starts, and the
 * container beginning to shut down.
 */
@ApplicationScoped
public class ShutdownTriggers {

    private static final String SIGINT = "INT";

    @Inject
    DefaultShutdown shutdown;

    private final SignalTrigger signals = new SignalTrigger();

    void installSignals(@Observes @Initialized(ApplicationScoped.class) Object started) {
        ShutdownCoordinator coordinator = shutdown.coordinator();
        if (coordinator.config().enabled()) {
            signals.install(coordinator.config().signals(), this::onSignal);
        }
    }

    void onContainerShutdown(@Observes @BeforeDestroyed(ApplicationScoped.class) Object stopping) {
        ShutdownCoordinator coordinator = shutdown.coordinator();
        try {
            if (coordinator.claim(ShutdownCause.container())) {
                coordinator.runPhases();
                coordinator.disarmWatchdog();
            } else {
                coordinator.awaitPhases();
            }
        } finally {
            signals.uninstall();
        }
    }

    private void onSignal(String name) {
        ShutdownCoordinator coordinator = shutdown.coordinator();
        if (coordinator.claim(ShutdownCause.signal(name))) {
            coordinator.exitProcess(coordinator.runPhases());
        } else if (SIGINT.equals(name) && coordinator.isShuttingDown()) {
            coordinator.forceExit("SIGINT during shutdown");
        }
    }
}
