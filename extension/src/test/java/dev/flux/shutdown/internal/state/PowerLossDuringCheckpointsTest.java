package dev.flux.shutdown.internal.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.flux.shutdown.ShutdownCause;
import dev.flux.shutdown.internal.state.Samples.Counter;
import dev.flux.shutdown.internal.state.file.FileCheckpointStore;
import dev.flux.shutdown.testsupport.powerloss.PowerCut;
import dev.flux.shutdown.testsupport.powerloss.PowerLossDisk;

/**
 * The file store survives a power cut at any instant, not only the death of its process: the machine loses power
 * before each operation that changes the disk in turn (every one of them, one crash per life), the disk keeps only
 * what was forced to it ({@link PowerLossDisk}: unforced bytes and directory entries of unforced directories are
 * gone), and the next start must find every bean at the same checkpoint, the last one committed or the one being
 * committed, never a mix, never a damaged one, never none once one was committed. The kill -9 tests in
 * {@code tck-tests} cannot see a missing {@code fsync} (the page cache outlives the process); this one fails when
 * any one {@code force} of the file store's write path is left out.
 * <p>
 * A life: a first start on an empty disk, three periodic checkpoints and the final one of PERSISTING, a restart
 * (the process ended, the power stayed), three more and the final one, through the layers a checkpoint goes through
 * without CDI ({@link StateRestorer}, {@link CheckpointWriter}, {@link PersistingStep}).
 */
class PowerLossDuringCheckpointsTest {

    private static final List<String> BEANS = List.of("first", "second", "third");
    private static final int RUNS = 2;
    private static final int PERIODIC_PER_RUN = 3;

    @TempDir
    Path temp;

    private final StateCodec codec = new StateCodec();

    /** What the life had done when the power went: the value last committed, the value being committed. */
    private static final class Progress {
        long committed;
        long committing;
    }

    /** One run of an application with three counters that always hold the same value. */
    private final class Run {
        final LatestCheckpoints latest = new LatestCheckpoints();
        final PersistentInstances instances = new PersistentInstances();
        final CheckpointStore store;
        final CheckpointWriter writer;

        Run(CheckpointStore store) {
            this.store = store;
            this.writer = new CheckpointWriter(store, codec, Clock.systemUTC(), latest, new StateLock());
        }

        /** Loads the newest set and creates the beans, each restored from it; returns each bean's value. */
        Map<String, Long> start() {
            StateRestorer restorer = new StateRestorer(store, codec, latest);
            restorer.loadNewest();
            Map<String, Long> values = new TreeMap<>();
            for (String name : BEANS) {
                Counter counter = new Counter();
                PersistentType type = new PersistentType(name, Counter.class);
                assertThat(restorer.restore(type, counter)).as("restore of " + name)
                        .isIn(StateRestorer.Outcome.RESTORED, StateRestorer.Outcome.FIRST_START);
                instances.register(type, counter);
                values.put(name, counter.count);
            }
            return values;
        }

        /** Sets every bean to {@code value} and takes a checkpoint; true when it was committed. */
        boolean checkpoint(long value, boolean last) {
            instances.all().forEach(instance -> ((Counter) instance.target()).count = value);
            long before = latest.sequence();
            if (last) {
                new PersistingStep(instances, writer, new PeriodicCheckpoints(), store)
                        .run(ShutdownCause.programmatic("test"));
            } else {
                writer.commitPeriodic(instances::all);
            }
            return latest.sequence() != before;
        }
    }

    /** One life on {@code disk}, up to the power cut if there is one. */
    private Progress live(PowerLossDisk disk, Path root) {
        Progress progress = new Progress();
        Path stateDir = disk.path(root.resolve("state"));
        try {
            long value = 0;
            for (int run = 0; run < RUNS; run++) {
                Run application = new Run(new FileCheckpointStore(stateDir));
                assertThat(application.start().values()).as("a restart without a power cut")
                        .containsOnly(progress.committed);
                for (int i = 0; i <= PERIODIC_PER_RUN; i++) {
                    progress.committing = ++value;
                    assertThat(application.checkpoint(value, i == PERIODIC_PER_RUN)).as("checkpoint " + value)
                            .isTrue();
                    progress.committed = value;
                }
            }
        } catch (PowerCut cut) {
            return progress;
        }
        return progress;
    }

    @Test
    void everyBeanRestoresFromTheSameDurableCheckpointAfterAPowerCutAtAnyOperation() throws Exception {
        Path uncut = temp.resolve("uncut");
        PowerLossDisk whole = PowerLossDisk.over(uncut);
        live(whole, uncut);
        long operations = whole.operations();
        assertThat(operations).as("operations that change the disk in one life").isGreaterThan(50);

        List<String> violations = new ArrayList<>();
        for (long cut = 1; cut <= operations + 1; cut++) {
            Path root = temp.resolve("life-" + cut);
            PowerLossDisk disk = PowerLossDisk.over(root);
            disk.cutPowerAt(cut);
            Progress progress = live(disk, root);

            Path after = temp.resolve("after-" + cut);
            disk.survivors(after);
            Map<String, Long> restored = new Run(new FileCheckpointStore(after.resolve("state"))).start();
            String problem = problem(restored, progress, after.resolve("state"));
            if (problem != null) {
                violations.add("power cut before operation " + cut + " (committed " + progress.committed
                        + ", committing " + progress.committing + "): " + problem);
            }
        }
        assertThat(violations.stream().limit(5).toList())
                .as(violations.size() + " of " + (operations + 1) + " lives broke the invariant at the next start;"
                        + " the first ones")
                .isEmpty();
    }

    /** What is wrong with what the next start restored, or null. */
    private static String problem(Map<String, Long> restored, Progress progress, Path stateDir) throws IOException {
        if (restored.values().stream().distinct().count() != 1) {
            return "the beans restored different checkpoints " + restored;
        }
        long value = restored.get(BEANS.get(0));
        if (value != progress.committed && value != progress.committing) {
            return "restored " + value + ", neither the last committed checkpoint nor the one being committed";
        }
        if (Files.isDirectory(stateDir)) {
            try (Stream<Path> files = Files.list(stateDir)) {
                List<String> corrupt = files.map(f -> f.getFileName().toString())
                        .filter(name -> name.contains(FileCheckpointStore.CORRUPT_SUFFIX)).toList();
                if (!corrupt.isEmpty()) {
                    return "a damaged checkpoint was durable: " + corrupt;
                }
            }
        }
        return null;
    }
}
