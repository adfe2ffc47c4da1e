package dev.flux.shutdown.tck.deployment;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.flux.shutdown.ShutdownPhaseEvent;

/** Records every phase event, as an application bean observing them would see them. */
@ApplicationScoped
public class PhaseRecorder {

    private final List<ShutdownPhaseEvent> events = new CopyOnWriteArrayList<>();

    void record(@Observes ShutdownPhaseEvent event) {
        events.add(event);
    }

    public List<ShutdownPhaseEvent> events() {
        return List.copyOf(events);
    }
}
