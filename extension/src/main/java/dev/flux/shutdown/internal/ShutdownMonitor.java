package dev.flux.shutdown.internal;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.ShutdownReport;
import dev.flux.shutdown.ShutdownReport.PhaseReport;

/**
 * Follows one shutdown as it happens, for JFR, JMX and metrics. Called on the thread that does the work, so an
 * implementation is quick and never blocks; one that throws is logged by the caller and the shutdown goes on.
 */
public interface ShutdownMonitor {

    /** Follows nothing. */
    ShutdownMonitor NONE = new ShutdownMonitor() {
    };

    /** The shutdown has started (PREPARING begins now). */
    default void started(ShutdownCause cause) {
    }

    /** A phase begins, before its CDI event is fired. */
    default void phaseStarted(ShutdownPhase phase, ShutdownCause cause) {
    }

    /** A phase has ended, as the report shows it. */
    default void phaseEnded(ShutdownCause cause, PhaseReport phase) {
    }

    /** The whole shutdown outlived {@code flux.shutdown.timeout} while in {@code running}. */
    default void timedOut(ShutdownCause cause, ShutdownPhase running) {
    }

    /** The report of the shutdown, complete or (after a timeout) partial, as it is logged. */
    default void reported(ShutdownReport report) {
    }
}
