package dev.flux.shutdown.internal.phase;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.ShutdownPhase;

/** The work of one phase, after its event has been fired. Implementations never throw: they report. */
public interface PhaseStep {

    ShutdownPhase phase();

    /** Does the phase's work on the shutdown thread and says how it went. */
    PhaseResult run(ShutdownCause cause);
}
