package dev.flux.shutdown.runtime.state;

import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads a bean's last checkpoint back into a new instance, all or nothing. A checkpoint that cannot be used (bad
 * JSON, incomplete, wrong checksum, written by another class, or state that does not fit the class) is moved aside
 * with a warning and the bean keeps its fresh state; a missing checkpoint is a normal first start.
 */
public final class StateRestorer {

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown.state");

    /** What a restore did. */
    public enum Outcome {
        /** The checkpoint was applied. */
        RESTORED,
        /** There was no checkpoint. */
        FIRST_START,
        /** The checkpoint could not be used and was moved aside (or, failing that, left to be overwritten). */
        QUARANTINED,
        /** The checkpoint could not be read or the bean could not be captured; nothing was changed or moved. */
        UNREADABLE
    }

    private final CheckpointStore store;
    private final StateCodec codec;

    public StateRestorer(CheckpointStore store, StateCodec codec) {
        this.store = store;
        this.codec = codec;
    }

    /** Applies the last checkpoint of {@code type} to {@code target}, or leaves {@code target} as it is. */
    public Outcome restore(PersistentType type, Object target) {
        Optional<Checkpoint> found;
        try {
            found = store.read(type.name());
        } catch (CorruptCheckpointException e) {
            return quarantine(type, e.getMessage());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "FLUX-0405 Cannot read the checkpoint of @Persistent bean " + type
                    + " from " + store + ": " + Problems.describe(e) + "; the bean starts with fresh state");
            return Outcome.UNREADABLE;
        }
        if (found.isEmpty()) {
            LOG.fine(() -> "FLUX-0401 No checkpoint of @Persistent bean " + type + " in " + store
                    + ": a first start");
            return Outcome.FIRST_START;
        }
        Checkpoint checkpoint = found.get();
        if (!checkpoint.beanClass().equals(type.beanClass().getName())) {
            return quarantine(type, "it was written by class " + checkpoint.beanClass());
        }
        JsonNode fresh;
        try {
            fresh = codec.capture(target, type.beanClass());
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> "FLUX-0409 Cannot restore @Persistent bean " + type + ": its fresh state cannot be"
                    + " captured (" + Problems.describe(e) + "), so a failed restore could not be undone; the bean"
                    + " starts with fresh state and the checkpoint is left in place");
            return Outcome.UNREADABLE;
        }
        try {
            codec.apply(checkpoint.state(), target, type.beanClass());
        } catch (IOException | RuntimeException e) {
            undo(type, target, fresh);
            return quarantine(type, "its state does not fit the class (" + Problems.describe(e) + ")");
        }
        LOG.info(() -> "FLUX-0400 Restored @Persistent bean " + type + " from its checkpoint of "
                + checkpoint.written());
        return Outcome.RESTORED;
    }

    private void undo(PersistentType type, Object target, JsonNode fresh) {
        try {
            codec.apply(fresh, target, type.beanClass());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.SEVERE, e, () -> "FLUX-0410 Could not undo a partial restore of @Persistent bean " + type
                    + ": some fields may hold values of the unusable checkpoint");
        }
    }

    private Outcome quarantine(PersistentType type, String reason) {
        try {
            String aside = store.quarantine(type.name());
            LOG.warning(() -> "FLUX-0402 Checkpoint of @Persistent bean " + type + " cannot be used: " + reason
                    + "; moved aside to " + aside + "; the bean starts with fresh state");
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "FLUX-0403 Checkpoint of @Persistent bean " + type + " cannot be used: "
                    + reason + ", and cannot be moved aside (" + Problems.describe(e) + "); the bean starts with"
                    + " fresh state and the next checkpoint replaces it");
        }
        return Outcome.QUARANTINED;
    }
}
