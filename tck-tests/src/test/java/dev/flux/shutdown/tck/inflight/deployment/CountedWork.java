package dev.flux.shutdown.tck.inflight.deployment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.flux.shutdown.InFlight;
import dev.flux.shutdown.InFlightTracker;

/** A short {@code @InFlight} call that reports whether it was counted: it returns the count it saw while running. */
@ApplicationScoped
public class CountedWork {

    @Inject
    InFlightTracker tracker;

    @InFlight
    public int inFlightDuringCall() {
        return tracker.inFlight();
    }
}
