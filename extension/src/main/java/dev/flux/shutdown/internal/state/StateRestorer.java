package dev.flux.shutdown.internal.state;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads the newest checkpoint set once at start-up and then restores each bean from it, all or nothing, when the
 * bean is created. An envelope that cannot be used (bad JSON, incomplete, wrong checksum, written by another class,
 * or state that does not fit the class) is moved aside with a warning and that bean alone keeps its fresh state;
 * the other beans restore from the same set. No set is a normal first start.
 */
public final class StateRestorer {

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown.state");

    /** What a restore did. */
    public enum Outcome {
        /** The checkpoint was applied. */
        RESTORED,
        /** There was no checkpoint. */
        FIRST_START,
        /** The checkpoint could not be used and was moved aside (or, failing that, left to be replaced). */
        QUARANTINED,
        /** The bean could not be captured, so a failed restore could not be undone; nothing was changed. */
        UNREADABLE
    }

    private final CheckpointStore store;
    private final StateCodec codec;
    private final LatestCheckpoints latest;

    public StateRestorer(CheckpointStore store, StateCodec codec, LatestCheckpoints latest) {
        this.store = store;
        this.codec = codec;
        this.latest = latest;
    }

    /**
     * Loads the newest complete set from the store, once, before any bean is restored; envelopes that cannot be
     * decoded are moved aside at once (their bean will start fresh). A store that cannot be read is logged and
     * every bean starts fresh.
     */
    public void loadNewest() {
        Optional<CheckpointSet> set;
        try {
            store.prepare();
            set = store.load();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "FLUX-0708 Cannot read the newest checkpoint from " + store + ": "
                    + Problems.describe(e) + "; every @Persistent bean starts with fresh state");
            return;
        }
        if (set.isEmpty()) {
            LOG.fine(() -> "FLUX-0401 No checkpoint in " + store + ": a first start");
            return;
        }
        List<Envelope> usable = new ArrayList<>();
        for (Envelope envelope : set.get().envelopes()) {
            try {
                envelope.decode();
                usable.add(envelope);
            } catch (CorruptCheckpointException e) {
                quarantine("'" + envelope.name() + "'", envelope.name(), e.getMessage());
            }
        }
        latest.loaded(set.get().sequence(), usable);
        LOG.info(() -> "FLUX-0707 Loaded checkpoint " + set.get().sequence() + " (" + usable.size() + " of "
                + set.get().envelopes().size() + " envelopes usable) from " + store);
    }

    /** Applies the checkpoint of {@code type} in the loaded set to {@code target}, or leaves it as it is. */
    public Outcome restore(PersistentType type, Object target) {
        Optional<Envelope> found = latest.get(type.name());
        if (found.isEmpty()) {
            LOG.fine(() -> "FLUX-0401 No checkpoint of @Persistent bean " + type + " in " + store
                    + ": it starts with fresh state");
            return Outcome.FIRST_START;
        }
        Checkpoint checkpoint;
        try {
            checkpoint = found.get().decode();
        } catch (CorruptCheckpointException e) {
            return quarantine(type, e.getMessage());
        }
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
        long sequence = latest.sequence();
        LOG.info(() -> "FLUX-0400 Restored @Persistent bean " + type + " from checkpoint " + sequence
                + " (captured " + checkpoint.written() + ")");
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
        quarantine("@Persistent bean " + type, type.name(), reason);
        return Outcome.QUARANTINED;
    }

    private void quarantine(String what, String name, String reason) {
        latest.forget(name);
        try {
            String aside = store.quarantine(name);
            LOG.warning(() -> "FLUX-0402 Checkpoint of " + what + " cannot be used: " + reason + "; moved aside to "
                    + aside + "; the bean starts with fresh state, the others restore");
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "FLUX-0403 Checkpoint of " + what + " cannot be used: " + reason
                    + ", and cannot be moved aside (" + Problems.describe(e) + "); the bean starts with fresh"
                    + " state and the next checkpoint leaves it out");
        }
    }
}
