package dev.flux.shutdown.tck.inflight.deployment;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import dev.flux.shutdown.InFlightTracker;
import dev.flux.shutdown.InFlightTracker.Ticket;
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.ShutdownPhaseEvent;

/** Tries to take a ticket at the start of every phase, as a consumer that has not yet stopped would. */
@ApplicationScoped
public class LateTicketTaker {

    @Inject
    InFlightTracker tracker;

    private final Map<ShutdownPhase, Boolean> granted = new ConcurrentHashMap<>();

    void tryWhenPhaseStarts(@Observes ShutdownPhaseEvent event) {
        Optional<Ticket> ticket = tracker.tryAcquire("late work in " + event.phase());
        granted.put(event.phase(), ticket.isPresent());
        ticket.ifPresent(Ticket::close);
    }

    /** For each phase that started, whether a ticket was granted at its start. */
    public Map<ShutdownPhase, Boolean> granted() {
        return Map.copyOf(granted);
    }
}
