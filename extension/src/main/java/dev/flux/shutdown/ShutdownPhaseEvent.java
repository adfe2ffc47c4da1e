package dev.flux.shutdown;

import java.time.Duration;
import java.util.Objects;

/**
 * Fired synchronously at the start of every phase, so that applications can act at the right moment, for example
 * stop a message consumer in {@link ShutdownPhase#PREPARING}. Observers run on the shutdown thread: an observer
 * that blocks delays the shutdown, bounded by {@code flux.shutdown.timeout}.
 *
 * @param phase   the phase that starts now
 * @param cause   what started the shutdown
 * @param elapsed time since the shutdown started
 */
public record ShutdownPhaseEvent(ShutdownPhase phase, ShutdownCause cause, Duration elapsed) {

    /**
     * Checks that every part is given.
     *
     * @param phase   the phase that starts now
     * @param cause   what started the shutdown
     * @param elapsed time since the shutdown started
     */
    public ShutdownPhaseEvent {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
