package dev.flux.shutdown.runtime.state;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Writes the checkpoint of one live instance: captures its fields and stores them, one write per bean at a time.
 * The final checkpoints of PERSISTING and the periodic ones go through here; once the final ones have begun, a
 * periodic checkpoint that has not started yet is skipped, so that nothing older is written after them.
 */
public final class CheckpointWriter {

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown.state");

    private final CheckpointStore store;
    private final StateCodec codec;
    private final Clock clock;
    private final CheckpointMonitor monitor;
    private volatile boolean finalBegun;

    public CheckpointWriter(CheckpointStore store, StateCodec codec, Clock clock) {
        this(store, codec, clock, CheckpointMonitor.NONE);
    }

    /** @param monitor learns the outcome of every checkpoint (JFR, metrics) */
    public CheckpointWriter(CheckpointStore store, StateCodec codec, Clock clock, CheckpointMonitor monitor) {
        this.store = store;
        this.codec = codec;
        this.clock = clock;
        this.monitor = monitor;
    }

    /** From now on periodic checkpoints are skipped; one in progress finishes before the final one of its bean. */
    public void beginFinal() {
        finalBegun = true;
    }

    /** Writes the checkpoint of {@code instance}, after any write of the same bean in progress. */
    public CheckpointOutcome write(PersistentInstance instance) {
        instance.writing().lock();
        try {
            CheckpointOutcome outcome = store(instance, false);
            if (outcome.result() == CheckpointOutcome.Result.FAILED) {
                LOG.warning(() -> "FLUX-0404 Checkpoint of @Persistent bean " + instance + " failed: "
                        + outcome.problem().orElse("") + "; the others are still written");
            }
            return outcome;
        } finally {
            instance.writing().unlock();
        }
    }

    /** A periodic checkpoint of {@code instance}, unless PERSISTING has begun. */
    public CheckpointOutcome writePeriodic(PersistentInstance instance) {
        instance.writing().lock();
        try {
            if (finalBegun) {
                return CheckpointOutcome.skipped(instance.type().name());
            }
            CheckpointOutcome outcome = store(instance, true);
            boolean failed = outcome.result() == CheckpointOutcome.Result.FAILED;
            boolean failedBefore = instance.periodicFailed(failed);
            Level level = failed && !failedBefore ? Level.WARNING : Level.FINE;
            LOG.log(level, () -> (failed ? "FLUX-0404 Periodic checkpoint of @Persistent bean " + instance
                    + " failed (logged once until it succeeds): " : "Periodic checkpoint ") + outcome.describe());
            return outcome;
        } finally {
            instance.writing().unlock();
        }
    }

    private CheckpointOutcome store(PersistentInstance instance, boolean periodic) {
        CheckpointOutcome outcome = capture(instance);
        monitor.checkpointed(outcome, store.getClass().getSimpleName(), periodic);
        return outcome;
    }

    private CheckpointOutcome capture(PersistentInstance instance) {
        PersistentType type = instance.type();
        long start = System.nanoTime();
        try {
            JsonNode state;
            // a bean whose methods synchronize on it is captured between two of its calls, never in the middle
            synchronized (instance.target()) {
                state = codec.capture(instance.target(), type.beanClass());
            }
            long bytes = store.write(Checkpoint.of(type, clock.instant(), state));
            return CheckpointOutcome.written(type.name(), bytes, since(start));
        } catch (IOException | RuntimeException e) {
            return CheckpointOutcome.failed(type.name(), since(start), Problems.describe(e));
        }
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}
