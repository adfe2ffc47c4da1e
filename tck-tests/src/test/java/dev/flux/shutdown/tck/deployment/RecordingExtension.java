package dev.flux.shutdown.tck.deployment;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;

import dev.flux.shutdown.ShutdownPhaseEvent;
import dev.flux.shutdown.internal.process.ProcessExit;

/**
 * Records the phase events and the process exit of a container that the test closes itself: the records belong to
 * the test, not to a bean, so they can still be read once the container and its contexts are gone.
 */
public class RecordingExtension implements Extension {

    private final List<ShutdownPhaseEvent> events = new CopyOnWriteArrayList<>();
    private final RecordingProcessExit exit = new RecordingProcessExit();

    void register(@Observes AfterBeanDiscovery discovery) {
        discovery.<ShutdownPhaseEvent>addObserverMethod()
                .observedType(ShutdownPhaseEvent.class)
                .notifyWith(context -> events.add(context.getEvent()));
        discovery.addBean()
                .beanClass(RecordingProcessExit.class)
                .types(ProcessExit.class, Object.class)
                .scope(Dependent.class)
                .alternative(true)
                .priority(1)
                .createWith(context -> exit);
    }

    public List<ShutdownPhaseEvent> events() {
        return List.copyOf(events);
    }

    public RecordingProcessExit exit() {
        return exit;
    }
}
