package dev.flux.shutdown.tck.stateprocess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.flux.shutdown.internal.state.file.FileCheckpointStore;

/**
 * The crash tests' killer: SIGKILL at a random instant up to a bound, from a thread of its own so that the instant
 * is not tied to the test's reading of the child's output. Registered as an extension, it stops after each test.
 * {@code -Dflux.crash.kills=N} sets how many kills a crash test makes (each test has its own default).
 */
final class KillSchedule implements AfterEachCallback {

    private final long maxDelayMicros;
    private final ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "crash-test-killer");
        thread.setDaemon(true);
        return thread;
    });

    KillSchedule(long maxDelayMicros) {
        this.maxDelayMicros = maxDelayMicros;
    }

    /**
     * The number of kills a crash test makes: {@code -Dflux.crash.kills}, else {@code byDefault}, which each test
     * chooses so that {@code ./mvnw verify} stays within its time on two cores (a kill of a Weld SE child costs a
     * Weld start, about 1.7 to 2.7 s there).
     */
    static int kills(int byDefault) {
        return Integer.getInteger("flux.crash.kills", byDefault);
    }

    /** Kills the child at a random instant within the bound given at construction, and waits for it to exit. */
    void killAtRandomInstant(ChildJvm child, Duration bound) throws InterruptedException, TimeoutException {
        long delay = ThreadLocalRandom.current().nextLong(maxDelayMicros + 1);
        killer.schedule(child::kill, delay, TimeUnit.MICROSECONDS);
        child.awaitExit(bound);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        killer.shutdownNow();
    }

    /** Generations a killed child left half-built in a file store's directory. */
    static long leftoverTemporaryGenerations(Path dir) throws IOException {
        return countFiles(dir, name -> name.endsWith(FileCheckpointStore.TEMP_SUFFIX));
    }

    /** Generations a file store set aside as corrupt. */
    static long quarantined(Path dir) throws IOException {
        return countFiles(dir, name -> name.contains(FileCheckpointStore.CORRUPT_SUFFIX));
    }

    private static long countFiles(Path dir, java.util.function.Predicate<String> name) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> name.test(f.getFileName().toString())).count();
        }
    }
}
