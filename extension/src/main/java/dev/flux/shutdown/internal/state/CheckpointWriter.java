package dev.flux.shutdown.internal.state;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Takes one checkpoint of every bean and commits it as one set: captures every live instance at one instant
 * (under the {@link StateLock}, each bean also under its own monitor), adds the last envelope of beans that are not
 * alive, and commits them together. The periodic checkpoints and the final one of PERSISTING go through here, one
 * at a time; once the final one has begun, a periodic one that has not started yet is skipped, so nothing older is
 * committed after it.
 * <p>
 * A bean whose state cannot be captured is reported as failed and keeps its previous envelope in the set (its
 * state from an earlier checkpoint, rather than none); the others are committed.
 */
public final class CheckpointWriter {

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown.state");

    private final CheckpointStore store;
    private final StateCodec codec;
    private final Clock clock;
    private final LatestCheckpoints latest;
    private final StateLock lock;
    private final ReentrantLock committing = new ReentrantLock();
    private final CheckpointMonitor monitor;
    private volatile boolean finalBegun;
    private boolean lastPeriodicFailed;

    public CheckpointWriter(CheckpointStore store, StateCodec codec, Clock clock, LatestCheckpoints latest,
            StateLock lock) {
        this(store, codec, clock, latest, lock, CheckpointMonitor.NONE);
    }

    /** @param monitor learns the outcome of every checkpoint (JFR, metrics) */
    public CheckpointWriter(CheckpointStore store, StateCodec codec, Clock clock, LatestCheckpoints latest,
            StateLock lock, CheckpointMonitor monitor) {
        this.monitor = monitor;
        this.store = store;
        this.codec = codec;
        this.clock = clock;
        this.latest = latest;
        this.lock = lock;
    }

    /** From now on periodic checkpoints are skipped; one in progress finishes before the final one. */
    public void beginFinal() {
        finalBegun = true;
    }

    /**
     * The final checkpoint of the live instances, after any checkpoint in progress.
     *
     * @param instances the live instances, read under the state lock: a bean created by a change in progress is
     *                  in the checkpoint together with the beans created before it in that change
     */
    public CommitOutcome commitFinal(Supplier<List<PersistentInstance>> instances) {
        committing.lock();
        try {
            CommitOutcome outcome = observed(commit(instances), false);
            boolean failed = outcome.problem().isPresent();
            if (outcome.sequence().isEmpty() && !failed) {
                return outcome;
            }
            LOG.log(failed ? Level.WARNING : Level.FINE, () -> (failed ? "FLUX-0709 Final checkpoint failed: "
                    : "FLUX-0700 ") + outcome.describe(store));
            return outcome;
        } finally {
            committing.unlock();
        }
    }

    /**
     * A periodic checkpoint of the live instances, unless PERSISTING has begun.
     *
     * @param instances the live instances, read under the state lock (see {@link #commitFinal})
     */
    public CommitOutcome commitPeriodic(Supplier<List<PersistentInstance>> instances) {
        committing.lock();
        try {
            if (finalBegun) {
                return CommitOutcome.skipped();
            }
            CommitOutcome outcome = observed(commit(instances), true);
            if (outcome.sequence().isEmpty() && outcome.problem().isEmpty()) {
                return outcome;
            }
            boolean failed = outcome.problem().isPresent();
            boolean failedBefore = lastPeriodicFailed;
            lastPeriodicFailed = failed;
            Level level = failed && !failedBefore ? Level.WARNING : Level.FINE;
            LOG.log(level, () -> (failed ? "FLUX-0709 Periodic checkpoint failed (logged once until one succeeds): "
                    : "FLUX-0700 ") + outcome.describe(store));
            return outcome;
        } finally {
            committing.unlock();
        }
    }

    /** Tells the monitor of a checkpoint that was taken (not of one skipped for lack of live beans). */
    private CommitOutcome observed(CommitOutcome outcome, boolean periodic) {
        if (outcome.sequence().isPresent() || outcome.problem().isPresent() || !outcome.beans().isEmpty()) {
            monitor.checkpointed(outcome, String.valueOf(store), periodic);
        }
        return outcome;
    }

    private CommitOutcome commit(Supplier<List<PersistentInstance>> liveInstances) {
        long start = System.nanoTime();
        // which beans live is part of the instant: read before the lock, a change in progress could create more
        Snapshot snapshot = lock.exclusively(() -> capture(liveInstances.get()));
        List<PersistentInstance> instances = snapshot.instances();
        if (instances.isEmpty()) {
            // no bean alive: the set would be the newest one again
            return CommitOutcome.skipped();
        }
        List<Envelope> set = new ArrayList<>();
        List<CheckpointOutcome> beans = new ArrayList<>();
        Set<String> live = new HashSet<>();
        for (int i = 0; i < instances.size(); i++) {
            PersistentInstance instance = instances.get(i);
            String name = instance.type().name();
            live.add(name);
            Captured captured = snapshot.beans().get(i);
            if (captured.state() != null) {
                Envelope envelope = Envelope.of(Checkpoint.of(instance.type(), snapshot.instant(), captured.state()));
                set.add(envelope);
                beans.add(CheckpointOutcome.written(name, envelope.bytes().length, captured.took()));
            } else {
                Optional<Envelope> previous = latest.get(name);
                previous.ifPresent(set::add);
                beans.add(CheckpointOutcome.failed(name, captured.took(), captured.problem()
                        + (previous.isPresent() ? " (its previous checkpoint is kept)" : "")));
                LOG.warning(() -> "FLUX-0404 Checkpoint of @Persistent bean " + instance + " failed: "
                        + captured.problem() + "; the others are still written");
            }
        }
        set.addAll(latest.carried(live));
        long bytes = set.stream().mapToLong(envelope -> envelope.bytes().length).sum();
        try {
            long sequence = store.commit(set);
            latest.committed(sequence, set);
            return new CommitOutcome(OptionalLong.of(sequence), beans, bytes, set.size(), since(start),
                    Optional.empty());
        } catch (IOException | RuntimeException e) {
            String problem = Problems.describe(e);
            List<CheckpointOutcome> failed = beans.stream()
                    .map(bean -> CheckpointOutcome.failed(bean.name(), bean.duration(), bean.problem()
                            .orElse("the set was not committed (" + problem + ")")))
                    .toList();
            return new CommitOutcome(OptionalLong.empty(), failed, 0, set.size(), since(start),
                    Optional.of(problem + "; the previous checkpoint is intact"));
        }
    }

    private Snapshot capture(List<PersistentInstance> instances) {
        Instant instant = clock.instant();
        List<Captured> beans = new ArrayList<>(instances.size());
        for (PersistentInstance instance : instances) {
            long start = System.nanoTime();
            try {
                JsonNode state;
                // a bean whose methods synchronize on it is captured between two of its calls, never in the middle
                synchronized (instance.target()) {
                    state = codec.capture(instance.target(), instance.type().beanClass());
                }
                beans.add(new Captured(state, null, since(start)));
            } catch (IOException | RuntimeException e) {
                beans.add(new Captured(null, Problems.describe(e), since(start)));
            }
        }
        return new Snapshot(instant, List.copyOf(instances), beans);
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private record Snapshot(Instant instant, List<PersistentInstance> instances, List<Captured> beans) {
    }

    private record Captured(JsonNode state, String problem, Duration took) {
    }
}
