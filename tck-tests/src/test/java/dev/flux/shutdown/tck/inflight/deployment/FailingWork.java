package dev.flux.shutdown.tck.inflight.deployment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.flux.shutdown.InFlight;
import dev.flux.shutdown.InFlightTracker;

/** In-flight work that throws what the test gives it, after noting the count it saw while running. */
@ApplicationScoped
public class FailingWork {

    @Inject
    InFlightTracker tracker;

    private volatile int inFlightDuringLastCall = -1;

    @InFlight
    public void fail(RuntimeException failure) {
        inFlightDuringLastCall = tracker.inFlight();
        throw failure;
    }

    @InFlight
    public void failChecked(Exception failure) throws Exception {
        inFlightDuringLastCall = tracker.inFlight();
        throw failure;
    }

    /** The count seen by the last call while it ran, or -1 before any call. */
    public int inFlightDuringLastCall() {
        return inFlightDuringLastCall;
    }
}
