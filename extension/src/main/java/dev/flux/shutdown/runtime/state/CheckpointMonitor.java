package dev.flux.shutdown.runtime.state;

/** Learns the outcome of every checkpoint write, for JFR and metrics. Never blocks, never throws. */
@FunctionalInterface
public interface CheckpointMonitor {

    /** Follows nothing. */
    CheckpointMonitor NONE = (outcome, store, periodic) -> {
    };

    /**
     * A checkpoint has been written, or has failed.
     *
     * @param outcome  its outcome (name, bytes, duration, result)
     * @param store    the kind of store it went to ({@code FileCheckpointStore})
     * @param periodic whether it is a periodic checkpoint (else the final one of PERSISTING)
     */
    void checkpointed(CheckpointOutcome outcome, String store, boolean periodic);
}
