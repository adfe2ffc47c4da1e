package dev.flux.shutdown.internal.state;

/** Learns the outcome of every checkpoint (one set over every bean), for JFR and metrics. Never blocks, never throws. */
@FunctionalInterface
public interface CheckpointMonitor {

    /** Follows nothing. */
    CheckpointMonitor NONE = (outcome, store, periodic) -> {
    };

    /**
     * A checkpoint has been committed, or has failed.
     *
     * @param outcome  its outcome: the set's sequence and size, and each live bean's (name, bytes, result)
     * @param store    the store it went to ({@code files in /srv/state})
     * @param periodic whether it is a periodic checkpoint (else the final one of PERSISTING)
     */
    void checkpointed(CommitOutcome outcome, String store, boolean periodic);
}
