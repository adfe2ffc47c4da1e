package dev.flux.shutdown.tck.inflight.deployment;

import java.util.OptionalInt;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.ShutdownPhaseEvent;

/** Makes an {@code @InFlight} call when CLEANING starts, i.e. once DRAINING has ended, as a cleanup might. */
@ApplicationScoped
public class LateCaller {

    @Inject
    CountedWork work;

    private volatile OptionalInt inFlightDuringLateCall = OptionalInt.empty();

    void callWhenCleaningStarts(@Observes ShutdownPhaseEvent event) {
        if (event.phase() == ShutdownPhase.CLEANING) {
            inFlightDuringLateCall = OptionalInt.of(work.inFlightDuringCall());
        }
    }

    /** The count the late call saw while it ran, or empty if it did not run (or did not return). */
    public OptionalInt inFlightDuringLateCall() {
        return inFlightDuringLateCall;
    }
}
