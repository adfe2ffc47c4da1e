package dev.flux.shutdown.internal.cdi;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.Lock;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanContainer;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;


import dev.flux.shutdown.internal.phase.PhaseStep;
import dev.flux.shutdown.internal.ShutdownConfig;
import dev.flux.shutdown.internal.process.ApplicationContext;
import dev.flux.shutdown.internal.state.CheckpointMonitor;
import dev.flux.shutdown.internal.state.CheckpointStore;
import dev.flux.shutdown.internal.state.CheckpointWriter;
import dev.flux.shutdown.internal.state.LatestCheckpoints;
import dev.flux.shutdown.internal.state.PeriodicCheckpoints;
import dev.flux.shutdown.internal.state.PersistentInstances;
import dev.flux.shutdown.internal.state.PersistentType;
import dev.flux.shutdown.internal.state.PersistingStep;
import dev.flux.shutdown.internal.state.ReleasedCheckpoints;
import dev.flux.shutdown.internal.state.StateCodec;
import dev.flux.shutdown.internal.state.StateConfig;
import dev.flux.shutdown.internal.state.StateLock;
import dev.flux.shutdown.internal.state.StateRestorer;
import dev.flux.shutdown.internal.cdi.lite.PersistentStateCheck;
import dev.flux.shutdown.internal.state.CheckpointStores;

/**
 * The application's checkpoints: loads the newest checkpoint set once, when the first {@code @Persistent} bean is
 * created, restores and registers {@code @Persistent} instances from it as they are created, runs periodic
 * checkpoints from the application's start, and provides the PERSISTING step.
 */
@ApplicationScoped
public class StateCheckpoints implements ReleasedCheckpoints {

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown.state");

    private final PersistentInstances instances = new PersistentInstances();
    private final PeriodicCheckpoints periodic = new PeriodicCheckpoints();
    private final StateLock lock = new StateLock();
    private boolean enabled;
    private StateConfig config;
    private CheckpointStore store;
    private StateRestorer restorer;
    private CheckpointWriter writer;
    private boolean loaded;
    private volatile CheckpointMonitor monitor = CheckpointMonitor.NONE;

    @Inject
    BeanContainer beans;

    @Inject
    ShutdownConfig all;

    /** On CDI Lite, the {@code @Persistent} beans the build found, checked as the application starts. */
    @Inject
    Instance<PersistentStateCheck> builtCheck;

    @PostConstruct
    void assemble() {
        enabled = all.enabled();
        config = all.state();
        store = CheckpointStores.create(config, DataSourceLookup.of(beans.createInstance(), config));
        StateCodec codec = new StateCodec();
        LatestCheckpoints latest = new LatestCheckpoints();
        restorer = new StateRestorer(store, codec, latest);
        writer = new CheckpointWriter(store, codec, Clock.systemUTC(), latest, lock,
                (outcome, where, periodic) -> monitor.checkpointed(outcome, where, periodic));
    }

    /** Restores the checkpoint of a new {@code @Persistent} instance and registers it for checkpoints. */
    public void restoreAndRegister(Object target) {
        if (!enabled) {
            return;
        }
        Optional<PersistentType> type = PersistentType.of(target.getClass());
        if (type.isEmpty()) {
            LOG.warning(() -> "FLUX-0412 " + target.getClass().getName() + " has the restore interceptor but no"
                    + " @Persistent class; its state is not checkpointed");
            return;
        }
        loadOnce();
        restorer.restore(type.get(), target);
        instances.register(type.get(), target);
    }

    /**
     * Loads the newest set when the first {@code @Persistent} bean is created: an application without such beans
     * never touches the store, and no checkpoint is committed before the set it replaces has been read (a commit
     * needs live beans, and those were restored first).
     */
    private synchronized void loadOnce() {
        if (!loaded) {
            loaded = true;
            restorer.loadNewest();
        }
    }

    public void forget(Object target) {
        instances.forget(target);
    }

    /**
     * On CDI Lite, fails the application's start when its {@code @Persistent} beans cannot be checkpointed, before
     * the application's own observers of the start (the portable extension checked them at deployment).
     */
    void checkBuiltPersistentBeans(
            @Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) @Initialized(ApplicationScoped.class) Object started) {
        if (builtCheck.isResolvable()) {
            String problems = String.join("\n", builtCheck.get().problems(all));
            if (!problems.isEmpty()) {
                throw new DeploymentException(problems);
            }
        }
    }

    /** The lock that the application holds around changes spanning beans; see {@code Shutdown.stateLock()}. */
    Lock stateLock() {
        return lock.changes();
    }

    void startPeriodic(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (enabled) {
            ApplicationContext context = ApplicationContext.capture();
            periodic.start(config.checkpointInterval(),
                    () -> context.execute(() -> writer.commitPeriodic(instances::all)));
        }
    }

    /** From now on every checkpoint is shown to {@code observer} (JFR, metrics). */
    void observeWith(CheckpointMonitor observer) {
        monitor = observer;
    }

    /** The work of PERSISTING: the final checkpoint of every existing instance, as one set. */
    PhaseStep persistingStep() {
        return new PersistingStep(instances, writer, periodic, store);
    }

    /**
     * Fails the start when the JDBC store cannot be used (the database is unreachable, the tables cannot be
     * created). On CDI Lite (Quarkus) the {@code Startup} event is the first moment the application's
     * {@code DataSource} can be used; on CDI Full it repeats the check of the deployment, against a database that
     * may have gone away since.
     */
    void checkDatabase(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) Startup startup) {
        if (!enabled || config.store() != StateConfig.StoreKind.JDBC) {
            return;
        }
        try {
            store.prepare();
        } catch (IOException | RuntimeException e) {
            throw new DeploymentException("FLUX-0728 The checkpoint store " + StateConfig.STORE + "=jdbc (" + store
                    + ") cannot hold checkpoints: " + e.getMessage(), e);
        }
    }

    /** Checkpoints released by other instances that wait for a successor (stores that hand over: JDBC). */
    @Override
    public OptionalLong unclaimed() {
        return enabled && store instanceof ReleasedCheckpoints handover ? handover.unclaimed() : OptionalLong.empty();
    }

    @PreDestroy
    void stopPeriodic() {
        periodic.stop();
    }
}
