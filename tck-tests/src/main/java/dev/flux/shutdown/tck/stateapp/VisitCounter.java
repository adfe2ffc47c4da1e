package dev.flux.shutdown.tck.stateapp;

import jakarta.enterprise.context.ApplicationScoped;

import dev.flux.shutdown.Persistent;

/** The state of the restart test: a counter that must continue from its exact value after SIGTERM and a restart. */
@ApplicationScoped
@Persistent("visits")
public class VisitCounter {

    private long visits;

    public synchronized long increment() {
        return ++visits;
    }

    public synchronized long visits() {
        return visits;
    }
}
