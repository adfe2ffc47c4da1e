package dev.flux.shutdown.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.runtime.PhaseResult;
import dev.flux.shutdown.runtime.state.CheckpointOutcome.Result;
import dev.flux.shutdown.runtime.state.Samples.Counter;
import dev.flux.shutdown.runtime.state.Samples.Loop;

class CheckpointWriterTest {

    @TempDir
    Path temp;

    private final StateCodec codec = new StateCodec();

    @Test
    void beanThatCannotBeWrittenDoesNotStopTheOthers() throws Exception {
        FileCheckpointStore store = new FileCheckpointStore(temp);
        PersistentInstances instances = new PersistentInstances();
        instances.register(new PersistentType("first", Counter.class), new Counter(1));
        instances.register(PersistentType.of(Loop.class).orElseThrow(), new Loop());
        instances.register(new PersistentType("third", Counter.class), new Counter(3));
        PersistingStep step = new PersistingStep(instances, new CheckpointWriter(store, codec, Clock.systemUTC()),
                new PeriodicCheckpoints());

        PhaseResult result = step.run(ShutdownCause.programmatic("test"));

        assertThat(result.summary()).isEqualTo("2 checkpoints written, 1 FAILED");
        assertThat(result.details()).hasSize(3);
        assertThat(result.details().get(0)).matches("'first': written, \\d+ bytes in \\d+ms");
        assertThat(result.details().get(1)).startsWith("'loop': FAILED after ").contains("cycle");
        assertThat(store.read("first")).isPresent();
        assertThat(store.read("loop")).isEmpty();
        assertThat(store.read("third")).isPresent();
    }

    @Test
    void periodicCheckpointIsSkippedOncePersistingHasBegun() {
        CheckpointWriter writer = new CheckpointWriter(new FileCheckpointStore(temp), codec, Clock.systemUTC());
        PersistentInstance instance = new PersistentInstance(new PersistentType("c", Counter.class), new Counter());

        writer.beginFinal();

        assertThat(writer.writePeriodic(instance).result()).isEqualTo(Result.SKIPPED);
        assertThat(writer.write(instance).result()).isEqualTo(Result.WRITTEN);
    }

    @Test
    void finalCheckpointWaitsForThePeriodicOneOfTheSameBean() throws Exception {
        BlockingStore store = new BlockingStore(new FileCheckpointStore(temp));
        CheckpointWriter writer = new CheckpointWriter(store, codec, Clock.systemUTC());
        Counter bean = new Counter(1);
        PersistentInstance instance = new PersistentInstance(new PersistentType("c", Counter.class), bean);

        CompletableFuture<CheckpointOutcome> periodic = CompletableFuture.supplyAsync(
                () -> writer.writePeriodic(instance));
        assertThat(store.entered.await(30, TimeUnit.SECONDS)).isTrue();
        bean.count = 2;
        writer.beginFinal();
        CompletableFuture<CheckpointOutcome> last = CompletableFuture.supplyAsync(() -> writer.write(instance));
        store.release.countDown();

        assertThat(periodic.get(30, TimeUnit.SECONDS).result()).isEqualTo(Result.WRITTEN);
        assertThat(last.get(30, TimeUnit.SECONDS).result()).isEqualTo(Result.WRITTEN);
        assertThat(store.mostAtOnce).hasValue(1);
        assertThat(store.read("c").orElseThrow().state().get("count").asLong()).isEqualTo(2);
    }

    /** Holds the first write until released, and counts how many writes run at once. */
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
        public long write(Checkpoint checkpoint) throws IOException {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                entered.countDown();
                if (!release.await(30, TimeUnit.SECONDS)) {
                    throw new IOException("never released");
                }
                return delegate.write(checkpoint);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            } finally {
                running.decrementAndGet();
            }
        }

        @Override
        public Optional<Checkpoint> read(String name) throws IOException, CorruptCheckpointException {
            return delegate.read(name);
        }

        @Override
        public String quarantine(String name) throws IOException {
            return delegate.quarantine(name);
        }
    }
}
