package dev.flux.shutdown.runtime.state;

import java.io.IOException;
import java.util.Optional;

/**
 * Where checkpoints live. The file store is the default; another store (a database table, say) keeps the same
 * promise: a write replaces the previous checkpoint of a name atomically, so that after a crash at any instant a
 * read finds either the previous or the new checkpoint, never a mixture.
 */
public interface CheckpointStore {

    /**
     * Makes sure at startup that checkpoints can be written, so that a problem fails the deployment and not the
     * shutdown.
     *
     * @throws IOException saying what is wrong
     */
    void prepare() throws IOException;

    /**
     * Replaces the checkpoint of {@code checkpoint.name()} atomically and durably.
     *
     * @return the number of bytes stored
     */
    long write(Checkpoint checkpoint) throws IOException;

    /**
     * The last checkpoint written under {@code name}, checked to be complete and intact.
     *
     * @return empty when there is none (a first start)
     * @throws CorruptCheckpointException when one exists but cannot be used
     * @throws IOException                when it cannot be read for another reason (it is left as it is)
     */
    Optional<Checkpoint> read(String name) throws IOException, CorruptCheckpointException;

    /**
     * Moves an unusable checkpoint of {@code name} aside, where an operator can look at it and where no later
     * write overwrites it.
     *
     * @return where it went, for the log
     */
    String quarantine(String name) throws IOException;
}
