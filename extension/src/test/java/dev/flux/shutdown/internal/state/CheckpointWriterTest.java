package dev.flux.shutdown.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.internal.phase.PhaseResult;
import dev.flux.shutdown.internal.state.Samples.Counter;
import dev.flux.shutdown.internal.state.Samples.Loop;
import dev.flux.shutdown.internal.state.file.FileCheckpointStore;

class CheckpointWriterTest {

    @TempDir
    Path temp;

    private final StateCodec codec = new StateCodec();
    private final StateLock lock = new StateLock();

    private CheckpointWriter writer(CheckpointStore store, LatestCheckpoints latest) {
        return new CheckpointWriter(store, codec, Clock.systemUTC(), latest, lock);
    }

    private Map<String, Long> counts(CheckpointStore store) throws Exception {
        FileCheckpointStore reader = new FileCheckpointStore(temp);
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (Envelope envelope : reader.load().orElseThrow().envelopes()) {
            counts.put(envelope.name(), envelope.decode().state().get("count").asLong());
        }
        return counts;
    }

    @Test
    void beanThatCannotBeCapturedDoesNotStopTheOthers() throws Exception {
        FileCheckpointStore store = new FileCheckpointStore(temp);
        PersistentInstances instances = new PersistentInstances();
        instances.register(new PersistentType("first", Counter.class), new Counter(1));
        instances.register(PersistentType.of(Loop.class).orElseThrow(), new Loop());
        instances.register(new PersistentType("third", Counter.class), new Counter(3));
        PersistingStep step = new PersistingStep(instances, writer(store, new LatestCheckpoints()),
                new PeriodicCheckpoints(), store);

        PhaseResult result = step.run(ShutdownCause.programmatic("test"));

        assertThat(result.summary()).isEqualTo("2 checkpoints written, 1 FAILED");
        assertThat(result.details()).hasSize(4);
        assertThat(result.details().get(0)).matches("'first': written, \\d+ bytes in \\d+ms");
        assertThat(result.details().get(1)).startsWith("'loop': FAILED after ").contains("cycle");
        assertThat(result.details().get(3)).startsWith("checkpoint 1 committed to files in " + temp);
        assertThat(counts(store)).containsExactly(Map.entry("first", 1L), Map.entry("third", 3L));
    }

    @Test
    void periodicCheckpointIsSkippedOncePersistingHasBegun() {
        CheckpointWriter writer = writer(new FileCheckpointStore(temp), new LatestCheckpoints());
        List<PersistentInstance> instances = List.of(
                new PersistentInstance(new PersistentType("c", Counter.class), new Counter()));

        writer.beginFinal();

        assertThat(writer.commitPeriodic(() -> instances).sequence()).isEmpty();
        assertThat(writer.commitFinal(() -> instances).sequence()).hasValue(1);
    }

    @Test
    void beansThatAreNotAliveKeepTheirCheckpointInTheNextSet() throws Exception {
        FileCheckpointStore store = new FileCheckpointStore(temp);
        Envelope sleeper = Envelope.of(Checkpoint.of(new PersistentType("sleeper", Counter.class), Instant.now(),
                codec.capture(new Counter(7), Counter.class)));
        LatestCheckpoints latest = new LatestCheckpoints();
        latest.loaded(4, List.of(sleeper));

        writer(store, latest).commitPeriodic(() -> List.of(
                new PersistentInstance(new PersistentType("awake", Counter.class), new Counter(1))));

        assertThat(counts(store)).containsExactly(Map.entry("awake", 1L), Map.entry("sleeper", 7L));
    }

    @Test
    void everySetIsASnapshotOfAllBeansAtOneInstant() throws Exception {
        FileCheckpointStore store = new FileCheckpointStore(temp);
        CheckpointWriter writer = writer(store, new LatestCheckpoints());
        Counter a = new Counter(500);
        Counter b = new Counter(500);
        List<PersistentInstance> instances = List.of(new PersistentInstance(new PersistentType("a", Counter.class), a),
                new PersistentInstance(new PersistentType("b", Counter.class), b));
        AtomicBoolean running = new AtomicBoolean(true);
        Lock changes = lock.changes();
        CompletableFuture<Void> transfers = CompletableFuture.runAsync(() -> {
            while (running.get()) {
                changes.lock();
                try {
                    long amount = ThreadLocalRandom.current().nextLong(1, 10);
                    a.count -= amount;
                    Thread.onSpinWait();
                    b.count += amount;
                } finally {
                    changes.unlock();
                }
            }
        });
        try {
            for (int i = 0; i < 50; i++) {
                assertThat(writer.commitPeriodic(() -> instances).problem()).isEmpty();
                Map<String, Long> counts = counts(store);
                assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).as("set %d: %s", i, counts)
                        .isEqualTo(1000);
            }
        } finally {
            running.set(false);
        }
        transfers.get(30, TimeUnit.SECONDS);
    }

    @Test
    void beanCreatedByAChangeInProgressIsInTheSameCheckpointAsTheBeansCreatedBeforeIt() throws Exception {
        FileCheckpointStore store = new FileCheckpointStore(temp);
        CheckpointWriter writer = writer(store, new LatestCheckpoints());
        PersistentInstances instances = new PersistentInstances();
        Lock changes = lock.changes();
        changes.lock();
        CompletableFuture<CommitOutcome> periodic;
        try {
            // a change creates the first of two beans that belong together, as a first use of both does
            instances.register(new PersistentType("checking", Counter.class), new Counter(1));
            periodic = CompletableFuture.supplyAsync(() -> writer.commitPeriodic(instances::all));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!lock.captureWaiting()) {
                assertThat(System.nanoTime() - deadline).as("the capture waits for the change").isNegative();
                Thread.onSpinWait();
            }
            instances.register(new PersistentType("savings", Counter.class), new Counter(2));
        } finally {
            changes.unlock();
        }

        assertThat(periodic.get(30, TimeUnit.SECONDS).sequence()).hasValue(1);
        assertThat(counts(store)).containsExactly(Map.entry("checking", 1L), Map.entry("savings", 2L));
    }

    @Test
    void finalCheckpointWaitsForThePeriodicOne() throws Exception {
        BlockingStore store = new BlockingStore(new FileCheckpointStore(temp));
        CheckpointWriter writer = writer(store, new LatestCheckpoints());
        Counter bean = new Counter(1);
        List<PersistentInstance> instances = List.of(new PersistentInstance(new PersistentType("c", Counter.class),
                bean));

        CompletableFuture<CommitOutcome> periodic = CompletableFuture.supplyAsync(
                () -> writer.commitPeriodic(() -> instances));
        assertThat(store.entered.await(30, TimeUnit.SECONDS)).isTrue();
        bean.count = 2;
        writer.beginFinal();
        CompletableFuture<CommitOutcome> last = CompletableFuture.supplyAsync(() -> writer.commitFinal(() -> instances));
        store.release.countDown();

        assertThat(periodic.get(30, TimeUnit.SECONDS).sequence()).hasValue(1);
        assertThat(last.get(30, TimeUnit.SECONDS).sequence()).hasValue(2);
        assertThat(store.mostAtOnce).hasValue(1);
        assertThat(counts(store)).containsExactly(Map.entry("c", 2L));
    }

    /** Holds the first commit until released, and counts how many commits run at once. */
    private static final class BlockingStore implements CheckpointStore {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger mostAtOnce = new AtomicInteger();
        private final CheckpointStore delegate;

        BlockingStore(CheckpointStore delegate) {
            this.delegate = delegate;
        }

        @Override
        public void prepare() throws IOException {
            delegate.prepare();
        }

        @Override
        public Optional<CheckpointSet> load() throws IOException {
            return delegate.load();
        }

        @Override
        public long commit(List<Envelope> envelopes) throws IOException {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                entered.countDown();
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IOException("never released");
                }
                return delegate.commit(envelopes);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            } finally {
                running.decrementAndGet();
            }
        }

        @Override
        public String quarantine(String name) throws IOException {
            return delegate.quarantine(name);
        }

        @Override
        public void release() throws IOException {
            delegate.release();
        }
    }
}
