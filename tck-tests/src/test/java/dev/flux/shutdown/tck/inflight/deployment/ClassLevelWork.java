package dev.flux.shutdown.tck.inflight.deployment;

import jakarta.enterprise.context.ApplicationScoped;

import dev.flux.shutdown.InFlight;

/** {@code @InFlight} on the class: each method returns the count it saw while running. */
@InFlight
@ApplicationScoped
public class ClassLevelWork extends WorkBase {

    public int first() {
        return tracker.inFlight();
    }

    public int second() {
        return tracker.inFlight();
    }
}
