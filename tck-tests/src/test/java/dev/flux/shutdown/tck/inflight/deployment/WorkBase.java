package dev.flux.shutdown.tck.inflight.deployment;

import jakarta.inject.Inject;

import dev.flux.shutdown.InFlightTracker;

/** A superclass whose method a bean inherits: it is one of that bean's business methods too. */
public abstract class WorkBase {

    @Inject
    protected InFlightTracker tracker;

    /** Returns the count seen while running. */
    public int inherited() {
        return tracker.inFlight();
    }
}
