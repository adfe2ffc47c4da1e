package dev.flux.shutdown.internal.observe;

import java.util.function.Consumer;

import dev.flux.shutdown.ShutdownReport.LateRequests;
import dev.flux.shutdown.internal.ShutdownMonitor;
import dev.flux.shutdown.internal.cleanup.CleanupAction;
import dev.flux.shutdown.internal.cleanup.CleanupMonitor;
import dev.flux.shutdown.internal.cleanup.CleanupOutcome;
import dev.flux.shutdown.internal.drain.DrainMonitor;
import dev.flux.shutdown.internal.drain.DrainOutcome;
import dev.flux.shutdown.internal.drain.InFlightRegistry;
import dev.flux.shutdown.internal.state.CheckpointMonitor;
import dev.flux.shutdown.internal.state.CommitOutcome;

/**
 * One way of showing a shutdown outside the log (JFR, metrics): it follows the phases, the drain, the cleanups and
 * the checkpoints, and ignores what it has no use for.
 */
public interface ShutdownObserver extends ShutdownMonitor, DrainMonitor, CleanupMonitor, CheckpointMonitor {

    @Override
    default void drained(int atStart, DrainOutcome outcome, LateRequests late) {
    }

    @Override
    default Consumer<CleanupOutcome> starting(CleanupAction action) {
        return outcome -> {
        };
    }

    @Override
    default void notRun(CleanupOutcome outcome) {
    }

    @Override
    default void checkpointed(CommitOutcome outcome, String store, boolean periodic) {
    }

    /** The application's container is closing: nothing of it may stay reachable (meters in a global registry). */
    default void close() {
    }

    /**
     * Called once, on CDI's {@code Startup} event, after {@link #watch}: what the runtime could not give while its
     * container was being built is there now (Quarkus sets its OpenTelemetry SDK up after that).
     */
    default void applicationStarted() {
    }

    /** Called once, as the application starts, with what gauges read: the work in flight, the late requests. */
    default void watch(InFlightRegistry registry) {
    }
}
