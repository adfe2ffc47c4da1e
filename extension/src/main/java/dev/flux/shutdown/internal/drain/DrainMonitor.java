package dev.flux.shutdown.internal.drain;

import dev.flux.shutdown.ShutdownReport.LateRequests;

/** Learns how DRAINING went, for JFR and metrics. Never blocks, never throws. */
@FunctionalInterface
public interface DrainMonitor {

    /** Follows nothing. */
    DrainMonitor NONE = (atStart, outcome, late) -> {
    };

    /**
     * DRAINING has ended.
     *
     * @param atStart the work in flight when it started
     * @param outcome how it ended, with the work still running after a timeout
     * @param late    the requests served late and refused so far (more may be refused after DRAINING)
     */
    void drained(int atStart, DrainOutcome outcome, LateRequests late);
}
