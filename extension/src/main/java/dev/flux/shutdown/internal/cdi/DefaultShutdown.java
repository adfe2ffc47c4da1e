package dev.flux.shutdown.internal.cdi;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import dev.flux.shutdown.Shutdown;
import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.ShutdownPhaseEvent;
import dev.flux.shutdown.ShutdownReport;
import dev.flux.shutdown.internal.phase.PhaseStep;
import dev.flux.shutdown.internal.PreparingStep;
import dev.flux.shutdown.internal.process.ProcessExit;
import dev.flux.shutdown.internal.ShutdownConfig;
import dev.flux.shutdown.internal.ShutdownCoordinator;
import dev.flux.shutdown.internal.cleanup.CleaningStep;
import dev.flux.shutdown.internal.cleanup.CleanupRunner;
import dev.flux.shutdown.internal.drain.DrainGate;
import dev.flux.shutdown.internal.drain.DrainingStep;
import dev.flux.shutdown.internal.drain.InFlightRegistry;
import dev.flux.shutdown.internal.drain.RequestScopeRelease;
import dev.flux.shutdown.internal.observe.Observers;
import dev.flux.shutdown.internal.drain.longlived.EndingLongLivedStep;
import dev.flux.shutdown.internal.drain.longlived.LongLivedResponses;
import dev.flux.shutdown.internal.process.RunningApplication;

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
    BeanManager beanManager;

    @Inject
    DiscoveredCleanups discovered;

    @Inject
    CreationOrder creationOrder;

    /** A client proxy: each request reaches its own instance. */
    @Inject
    RequestScopeRelease requestEnd;

    /** The event of the phase running now, handed to cleanups that take it. */
    private final AtomicReference<ShutdownPhaseEvent> currentPhase = new AtomicReference<>();

    private final InFlightRegistry registry = new InFlightRegistry();

    @Inject
    StateCheckpoints checkpoints;

    /** The configuration, read once for the whole application. */
    @Inject
    ShutdownConfig config;

    private ShutdownCoordinator coordinator;
    private RunningApplication application;
    private DrainGate gate;
    private Observers observers;
    private LongLivedResponses longLived;

    @PostConstruct
    void assemble() {
        application = RunningApplication.capture(config.process());
        observers = config.enabled()
                ? Observers.forRuntime(application.name(), application.ownsProcess(), config.observe().metrics(),
                        beanManager.createInstance())
                : Observers.none();
        observers.watch(registry);
        checkpoints.observeWith(observers);
        longLived = new LongLivedResponses(config.enabled() && config.longLived().enabled(), config.longLived(),
                config.drain().retryAfter());
        ContextualCleanups cleanups = new ContextualCleanups(beanManager, discovered.entries(), creationOrder,
                config.cleanup().timeout());
        List<PhaseStep> steps = List.of(
                new PreparingStep(config.readinessDelay(), !application.ownsProcess()),
                new EndingLongLivedStep(new DrainingStep(registry, config.drain(), !application.ownsProcess(),
                        observers), longLived),
                new CleaningStep(cause -> cleanups.plan(currentPhase.get()),
                        new CleanupRunner(application.context(), observers)),
                checkpoints.persistingStep());
        coordinator = new ShutdownCoordinator(config, steps, this::firePhase, processExit, application,
                registry.lateRequests()::snapshot, observers);
        gate = new DrainGate(config.enabled(), registry, config.drain(), requestEnd);
    }

    /**
     * The request filter's view of draining; the filter is created by the JAX-RS runtime and looks it up. Named,
     * because a name keeps a bean that nothing injects: runtimes that remove unused beans at build time (Quarkus
     * ArC) cannot see a programmatic lookup.
     */
    @Produces
    @Named(DrainGate.BEAN_NAME)
    DrainGate drainGate() {
        return gate;
    }

    /** The open event streams, long polls and WebSocket sessions; named for the same reason as the gate. */
    @Produces
    @Named(LongLivedResponses.BEAN_NAME)
    LongLivedResponses longLivedResponses() {
        return longLived;
    }

    private void firePhase(ShutdownPhaseEvent event) {
        currentPhase.set(event);
        phaseEvents.fire(event);
    }

    @Override
    public boolean initiate(String reason) {
        return coordinator.start(ShutdownCause.programmatic(reason));
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

    @Override
    public Lock stateLock() {
        return checkpoints.stateLock();
    }

    ShutdownCoordinator coordinator() {
        return coordinator;
    }

    RunningApplication application() {
        return application;
    }

    /** What shows the shutdown besides the log (JFR, metrics), for the startup line. */
    Observers observers() {
        return observers;
    }

    public LongLivedResponses longLived() {
        return longLived;
    }

    public InFlightRegistry registry() {
        return registry;
    }

    public boolean enabled() {
        return coordinator.config().enabled();
    }
}
