package dev.flux.shutdown.tck.inflight.deployment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.flux.shutdown.InFlight;
import dev.flux.shutdown.InFlightTracker;

/** {@code @InFlight} on one method only: each method returns the count it saw while running. */
@ApplicationScoped
public class MethodLevelWork {

    @Inject
    InFlightTracker tracker;

    @InFlight
    public int tracked() {
        return tracker.inFlight();
    }

    public int untracked() {
        return tracker.inFlight();
    }
}
