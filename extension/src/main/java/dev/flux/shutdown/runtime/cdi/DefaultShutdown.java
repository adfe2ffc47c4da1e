package dev.flux.shutdown.runtime.cdi;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.flux.shutdown.Shutdown;
import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.ShutdownPhaseEvent;
import dev.flux.shutdown.ShutdownReport;
import dev.flux.shutdown.runtime.PhaseStep;
import dev.flux.shutdown.runtime.PreparingStep;
import dev.flux.shutdown.runtime.ProcessExit;
import dev.flux.shutdown.runtime.ShutdownConfig;
import dev.flux.shutdown.runtime.ShutdownCoordinator;

/**
 * The application's one {@link ShutdownCoordinator}, assembled from the configuration and the deployment's beans,
 * and the programmatic {@link Shutdown} handle on it.
 */
@ApplicationScoped
public class DefaultShutdown implements Shutdown {

    @Inject
    Event<ShutdownPhaseEvent> phaseEvents;

    @Inject
    ProcessExit processExit;

    @Inject
    StateCheckpoints checkpoints;

    private ShutdownCoordinator coordinator;

    @PostConstruct
    void assemble() {
        ShutdownConfig config = ShutdownConfig.read(ConfigProvider.getConfig());
        List<PhaseStep> steps = List.of(
                new PreparingStep(config.readinessDelay()),
                PhaseStep.nothingToDo(ShutdownPhase.DRAINING, "0 in flight"),
                PhaseStep.nothingToDo(ShutdownPhase.CLEANING, "0 cleanups"),
                checkpoints.persistingStep());
        coordinator = new ShutdownCoordinator(config, steps, phaseEvents::fire, processExit);
    }

    @Override
    public boolean initiate(String reason) {
        if (!coordinator.claim(ShutdownCause.programmatic(reason))) {
            return false;
        }
        Thread thread = new Thread(() -> coordinator.exitProcess(coordinator.runPhases()), "flux-shutdown");
        thread.start();
        return true;
    }

    @Override
    public boolean isShuttingDown() {
        return coordinator.isShuttingDown();
    }

    @Override
    public Optional<ShutdownPhase> phase() {
        return coordinator.phase();
    }

    @Override
    public Optional<ShutdownReport> report() {
        return coordinator.report();
    }

    ShutdownCoordinator coordinator() {
        return coordinator;
    }
}
