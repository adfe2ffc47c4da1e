package dev.flux.shutdown.runtime.drain;

/** Learns how DRAINING went, for JFR and metrics. Never blocks, never throws. */
@FunctionalInterface
public interface DrainMonitor {

    /** Follows nothing. */
    DrainMonitor NONE = (atStart, outcome) -> {
    };

    /**
     * DRAINING has ended.
     *
     * @param atStart the work in flight when it started
     * @param outcome how it ended, with the work still running after a timeout
     */
    void drained(int atStart, DrainOutcome outcome);
}
