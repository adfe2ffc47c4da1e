package dev.flux.shutdown.sample;

import jakarta.enterprise.context.ApplicationScoped;

import dev.flux.shutdown.Persistent;

/**
 * Counts visits, and keeps counting across restarts: flux-shutdown writes the count to the checkpoint
 * {@code visits} at shutdown (in {@code flux.shutdown.state.dir}) and reads it back when the bean is created at the
 * next start, before anyone can call it.
 */
@Persistent("visits")
@ApplicationScoped
public class VisitCounter {

    private long visits;

    /** Counts one visit; the count including it. */
    synchronized long visit() {
        return ++visits;
    }

    synchronized long visits() {
        return visits;
    }
}
