package dev.flux.shutdown.tck.stateprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.flux.shutdown.runtime.state.Checkpoint;
import dev.flux.shutdown.runtime.state.FileCheckpointStore;
import dev.flux.shutdown.runtime.state.StateCodec;
import dev.flux.shutdown.tck.stateapp.CheckpointLoop;
import dev.flux.shutdown.tck.stateapp.CounterState;

/**
 * No state is lost or corrupted by a crash: a child JVM that checkpoints continuously is killed with SIGKILL at
 * random instants, again and again. After every kill each checkpoint is complete and intact and holds the last
 * value the child reported or the one it was writing, and the next child restores exactly that.
 * {@code -Dflux.crash.kills=N} sets the number of kills (default 200).
 */
class CrashDuringCheckpointTest {

    private static final List<String> NAMES = List.of("alpha", "beta", "gamma");
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final long MAX_KILL_DELAY_MICROS = 30_000;

    @TempDir
    Path temp;

    private final ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "crash-test-killer");
        thread.setDaemon(true);
        return thread;
    });

    @AfterEach
    void stopKiller() {
        killer.shutdownNow();
    }

    @Test
    void killNineAtRandomInstantsNeverLeavesACorruptOrLostCheckpoint() throws Exception {
        int kills = Integer.getInteger("flux.crash.kills", 200);
        Path dir = temp.resolve("state");
        FileCheckpointStore store = new FileCheckpointStore(dir);
        StateCodec codec = new StateCodec();
        Map<String, Long> onDisk = new HashMap<>();
        int killedMidWrite = 0;
        long started = System.nanoTime();

        for (int kill = 1; kill <= kills; kill++) {
            try (ChildJvm child = ChildJvm.start(CheckpointLoop.class, Map.of(), args(dir))) {
                for (String name : NAMES) {
                    String expected = onDisk.containsKey(name) ? "restored " + name + " " + onDisk.get(name)
                            : "fresh " + name;
                    String line = child.awaitLine(l -> l.startsWith("restored " + name + " ")
                            || l.equals("fresh " + name) || l.startsWith("corrupt "), BOUND);
                    assertThat(line).as("restore after kill %d", kill - 1).isEqualTo(expected);
                }
                child.awaitLine(line -> line.startsWith("written "), BOUND);
                long delay = ThreadLocalRandom.current().nextLong(MAX_KILL_DELAY_MICROS + 1);
                killer.schedule(child::kill, delay, TimeUnit.MICROSECONDS);
                child.awaitExit(BOUND);

                Map<String, Long> reported = lastReported(child.lines());
                killedMidWrite += leftoverTemporaryFiles(dir) > 0 ? 1 : 0;
                for (String name : NAMES) {
                    Optional<Checkpoint> checkpoint = store.read(name);
                    long before = reported.getOrDefault(name, onDisk.getOrDefault(name, 0L));
                    if (checkpoint.isEmpty()) {
                        assertThat(before).as("%s after kill %d: reported written but missing", name, kill)
                                .isZero();
                        continue;
                    }
                    CounterState state = new CounterState(0);
                    codec.apply(checkpoint.get().state(), state, CounterState.class);
                    assertThat(state.consistent()).as("%s after kill %d", name, kill).isTrue();
                    assertThat(state.value()).as("%s after kill %d: the last reported or the next", name, kill)
                            .isBetween(before, before + 1);
                    onDisk.put(name, state.value());
                }
                assertThat(quarantined(dir)).isZero();
            }
        }

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("FLUX crash test: %d kills with SIGKILL in %ds (%d killed between creating the temporary file and renaming it);"
                + " every checkpoint complete and restored, last values %s%n", kills, took.toSeconds(),
                killedMidWrite, onDisk);
        assertThat(onDisk.values()).allSatisfy(value -> assertThat(value).isPositive());
    }

    private static String[] args(Path dir) {
        return Stream.concat(Stream.of(dir.toString()), NAMES.stream()).toArray(String[]::new);
    }

    private static Map<String, Long> lastReported(List<String> lines) {
        Map<String, Long> last = new HashMap<>();
        for (String line : lines) {
            if (line.startsWith("written ")) {
                String[] words = line.split(" ");
                last.put(words[1], Long.parseLong(words[2]));
            }
        }
        return last;
    }

    private static long leftoverTemporaryFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(FileCheckpointStore.TEMP_SUFFIX)).count();
        }
    }

    private static long quarantined(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().contains(FileCheckpointStore.CORRUPT_SUFFIX))
                    .count();
        }
    }
}
