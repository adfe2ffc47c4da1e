package dev.flux.shutdown.internal.cdi;

import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

import javax.management.ObjectName;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.internal.ShutdownCoordinator;
import dev.flux.shutdown.internal.observe.jmx.ShutdownConsole;
import dev.flux.shutdown.internal.process.RunningApplication;
import dev.flux.shutdown.internal.process.SignalMembership;

/**
 * Connects the triggers that are not a method call: signals, through the JVM-wide dispatcher that the application
 * joins when it starts and leaves when its container closes, and the container beginning to shut down.
 */
@ApplicationScoped
public class ShutdownTriggers {

    /**
     * Before every runtime observer of the container's end: Helidon stops its HTTP server at
     * {@code PLATFORM_BEFORE}, and requests in flight must still complete.
     */
    static final int BEFORE_THE_RUNTIME = Interceptor.Priority.PLATFORM_BEFORE - 1000;

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown");

    @Inject
    DefaultShutdown shutdown;

    private Optional<SignalMembership> signals = Optional.empty();
    private ObjectName registration;

    void join(@Observes @Initialized(ApplicationScoped.class) Object started) {
        ShutdownCoordinator coordinator = shutdown.coordinator();
        if (!coordinator.config().enabled()) {
            return;
        }
        RunningApplication application = shutdown.application();
        LOG.info(() -> "FLUX-0020 " + application.logLabel() + "Graceful shutdown ready: "
                + application.ownership() + "; signals " + coordinator.config().signals() + ", context: "
                + application.context());
        coordinator.config().gracePeriodWarning()
                .ifPresent(warning -> LOG.warning(() -> warning.line(application.logLabel())));
        registration = new ShutdownConsole(coordinator, application.name(), application.logLabel(),
                application.context(), shutdown.registry()::inFlight).register();
        ObjectName mbean = registration;
        LOG.info(() -> "FLUX-0802 " + application.logLabel() + "The shutdown is shown as MBean " + mbean
                + (shutdown.observers().names().isEmpty() ? "" : ", " + String.join(", ", shutdown.observers().names()))
                + "; report format " + coordinator.config().observe().reportFormat().name().toLowerCase(Locale.ROOT));
        signals = SignalMembership.join(coordinator, application);
    }

    /**
     * The application has started: on Quarkus, the {@code @Initialized} event above comes while the container is
     * built, before the runtime's own beans are set up (its OpenTelemetry SDK); the metrics that need them are
     * created now.
     */
    void started(@Observes Startup started) {
        shutdown.observers().applicationStarted();
    }

    void onContainerShutdown(@Observes @Priority(BEFORE_THE_RUNTIME) @BeforeDestroyed(ApplicationScoped.class)
            Object stopping) {
        ShutdownCoordinator coordinator = shutdown.coordinator();
        try {
            coordinator.start(ShutdownCause.container());
            if (!coordinator.awaitPhases(coordinator.config().timeout())) {
                coordinator.abandon();
            }
        } finally {
            leave();
        }
    }

    /** Leaves the dispatchers: nothing of this application stays reachable from the JVM's signal slots or JMX. */
    private void leave() {
        shutdown.observers().close();
        if (registration != null) {
            ShutdownConsole.unregister(registration);
            registration = null;
        }
        signals.ifPresent(SignalMembership::leave);
        signals = Optional.empty();
    }
}
