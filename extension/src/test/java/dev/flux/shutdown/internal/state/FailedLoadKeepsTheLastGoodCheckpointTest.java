package dev.flux.shutdown.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.flux.shutdown.internal.state.Samples.Counter;
import dev.flux.shutdown.internal.state.file.FileCheckpointStore;
import dev.flux.shutdown.testsupport.powerloss.FileOperation;
import dev.flux.shutdown.testsupport.powerloss.FileSystemInterceptor;
import dev.flux.shutdown.testsupport.powerloss.ForwardingFileSystem;

/**
 * A start whose store refuses one operation while it loads (a delete, a move, a listing: what a read-only remount,
 * an I/O error or a security module does) must not cost the last good checkpoint: either that load restores it,
 * or it changes nothing and no later commit of this run replaces it with fresh state; the next start restores it.
 * The state directory is on a real file system seen through a {@link ForwardingFileSystem} that refuses the chosen
 * operation only while the store loads (CI runs as root, where permissions refuse nothing).
 */
class FailedLoadKeepsTheLastGoodCheckpointTest {

    private static final List<String> BEANS = List.of("first", "second");

    @TempDir
    Path temp;

    /** The operation refused from now on, or null; only on paths whose text contains {@link #refusedOn}. */
    private volatile FileOperation refused;
    private volatile String refusedOn = "";

    private final ForwardingFileSystem refusing = ForwardingFileSystem.over(new FileSystemInterceptor() {
        @Override
        public void before(FileOperation operation, Path path, Path target) throws IOException {
            if (operation == refused && path.toString().contains(refusedOn)) {
                throw new IOException("refused by the test: " + operation + " " + path);
            }
        }
    });

    private final StateCodec codec = new StateCodec();

    private Path dir() {
        return temp.resolve("state");
    }

    private FileCheckpointStore refusingStore() {
        return new FileCheckpointStore(refusing.path(dir()));
    }

    /** One run of an application with two counters: loads, restores both, and commits {@code count} if given. */
    private final class Run {
        final CheckpointStore store;
        final LatestCheckpoints latest = new LatestCheckpoints();
        final Map<String, Counter> counters = new TreeMap<>();

        Run(CheckpointStore store) {
            this.store = store;
        }

        /** Starts, with {@code refusedWhileLoading} refused during the load only; returns the restored counts. */
        Map<String, Long> start(FileOperation refusedWhileLoading) {
            StateRestorer restorer = new StateRestorer(store, codec, latest);
            refused = refusedWhileLoading;
            try {
                restorer.loadNewest();
            } finally {
                refused = null;
            }
            Map<String, Long> counts = new TreeMap<>();
            for (String name : BEANS) {
                Counter counter = new Counter();
                restorer.restore(new PersistentType(name, Counter.class), counter);
                counters.put(name, counter);
                counts.put(name, counter.count);
            }
            return counts;
        }

        CommitOutcome commit() {
            CheckpointWriter writer = new CheckpointWriter(store, codec, Clock.systemUTC(), latest, new StateLock());
            List<PersistentInstance> instances = counters.entrySet().stream()
                    .map(e -> new PersistentInstance(new PersistentType(e.getKey(), Counter.class), e.getValue()))
                    .toList();
            return writer.commitFinal(() -> instances);
        }

        void count(long value) {
            counters.values().forEach(counter -> counter.count = value);
        }
    }

    /** Generations 1 (count 5) and 2 (count 7), the first one kept by a delete refused during the second commit. */
    private void twoGenerations() throws IOException {
        Run run = new Run(refusingStore());
        run.start(null);
        run.count(5);
        assertThat(run.commit().sequence()).hasValue(1);
        run.count(7);
        refused = FileOperation.DELETE;
        refusedOn = "generation-0000000000000000001";
        try {
            assertThat(run.commit().sequence()).hasValue(2);
        } finally {
            refused = null;
            refusedOn = "";
        }
        assertThat(dir().resolve("generation-0000000000000000001")).isDirectory();
        assertThat(dir().resolve("generation-0000000000000000002")).isDirectory();
    }

    /** The start after: on the plain file system, nothing refused; the counts every bean restores. */
    private Map<String, Long> nextStart() {
        return new Run(new FileCheckpointStore(dir())).start(null);
    }

    /**
     * A run that starts with {@code refusedWhileLoading} refused during its load (on paths containing {@code on}),
     * then commits what it has.
     */
    private void runWithARefusalWhileLoading(FileOperation refusedWhileLoading, String on) {
        refusedOn = on;
        Run run = new Run(refusingStore());
        Map<String, Long> restored = run.start(refusedWhileLoading);
        run.commit();
        refusedOn = "";
        assertThat(restored.values()).as("what this run restored").containsOnly(restored.get("first"));
    }

    @Test
    void deleteRefusedWhileLoadingNeverCostsTheLastGoodCheckpoint() throws Exception {
        twoGenerations();

        // the load removes generation 1, which a crash after the commit of 2 kept
        runWithARefusalWhileLoading(FileOperation.DELETE, "generation-0000000000000000001");

        assertThat(nextStart()).containsExactly(Map.entry("first", 7L), Map.entry("second", 7L));
    }

    @Test
    void moveRefusedWhileLoadingNeverCostsTheLastGoodCheckpoint() throws Exception {
        twoGenerations();
        // a newer generation whose manifest is damaged: the load moves it aside, or tries to
        Path damaged = Files.createDirectory(dir().resolve("generation-0000000000000000003"));
        Files.write(damaged.resolve("MANIFEST"), "{ damaged".getBytes(StandardCharsets.UTF_8));

        runWithARefusalWhileLoading(FileOperation.MOVE, "generation-0000000000000000003");

        assertThat(nextStart()).containsExactly(Map.entry("first", 7L), Map.entry("second", 7L));
    }

    @Test
    void listingRefusedWhileLoadingChangesNothingAndNoCommitOfThatRunReplacesTheLastGoodCheckpoint()
            throws Exception {
        twoGenerations();

        runWithARefusalWhileLoading(FileOperation.LIST, "state");

        assertThat(dir().resolve("generation-0000000000000000002")).isDirectory();
        assertThat(nextStart()).containsExactly(Map.entry("first", 7L), Map.entry("second", 7L));
    }
}
