package dev.flux.shutdown.tck.stateprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.flux.shutdown.internal.state.CheckpointSet;
import dev.flux.shutdown.internal.state.StateConfig;
import dev.flux.shutdown.internal.state.file.FileCheckpointStore;
import dev.flux.shutdown.tck.stateapp.LedgerService;

/**
 * State stays consistent across beans when the process dies: a real Weld SE child with three {@code @Persistent}
 * accounts, whose sum is constant, transfers money between them continuously (each transfer under
 * {@code Shutdown.stateLock()}) while the library takes periodic checkpoints every few milliseconds; it is killed
 * with SIGKILL at random instants, again and again. After every kill the newest checkpoint holds all three accounts
 * of one instant (the sum is intact and all carry the same transfer number), it is the last checkpoint the child
 * reported committed or the next one, and the restarted child's beans hold exactly it.
 * {@code -Dflux.crash.kills=N} sets the number of kills (default 50; the README gives a run of 200).
 * <p>
 * What this cannot see: a power cut. The kernel's page cache outlives a killed process, so every byte written and
 * every rename done before the kill is on disk for the next child, forced or not; this test passes with every
 * {@code force} of the file store left out. {@code PowerLossDuringCheckpointsTest} (in {@code extension}) is the
 * one that sees a missing {@code fsync}.
 */
class CrossBeanCrashTest {

    private static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    @RegisterExtension
    final KillSchedule killer = new KillSchedule(60_000);

    @Test
    void afterEveryProcessKillAllBeansRestoreFromTheSameCheckpointTheLastOrTheNextReported() throws Exception {
        int kills = KillSchedule.kills(50);
        Path dir = temp.resolve("state");
        FileCheckpointStore store = new FileCheckpointStore(dir);
        Map<String, String> config = Map.of(StateConfig.DIR, dir.toString(), StateConfig.CHECKPOINT_INTERVAL, "5ms");
        LedgerCheckpoint onDisk = null;
        int killedMidCommit = 0;
        int committedButNotReported = 0;
        long commitsReported = 0;
        long started = System.nanoTime();

        for (int kill = 1; kill <= kills; kill++) {
            try (ChildJvm child = ChildJvm.start(LedgerService.class, config)) {
                LedgerCheckpoint.assertStarted(child, onDisk, kill, BOUND);
                if (onDisk == null) {
                    assertThat(child.lines()).noneMatch(l -> l.startsWith("loaded "));
                }
                child.awaitLine(l -> LedgerCheckpoint.COMMITTED.matcher(l).matches(), BOUND);
                killer.killAtRandomInstant(child, BOUND);

                List<Long> reported = LedgerCheckpoint.reported(child.lines());
                long last = reported.get(reported.size() - 1);
                commitsReported += reported.size();
                killedMidCommit += KillSchedule.leftoverTemporaryGenerations(dir) > 0 ? 1 : 0;
                CheckpointSet set = store.inspect().orElseThrow();
                LedgerCheckpoint found = LedgerCheckpoint.of("checkpoint", set.sequence(), set.envelopes());
                found.assertOneInstantAfter("checkpoint", kill, last, onDisk);
                committedButNotReported += found.sequence() == last + 1 ? 1 : 0;
                onDisk = found;
                assertThat(KillSchedule.quarantined(dir)).isZero();
            }
        }

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("FLUX cross-bean crash test: %d kills with SIGKILL in %ds, %d checkpoints reported committed"
                + " (%d kills left a generation being built, %d landed after a commit and before its log line);"
                + " every restore held all three beans of one checkpoint, the last or the next reported; last:"
                + " %s%n", kills, took.toSeconds(), commitsReported, killedMidCommit, committedButNotReported,
                onDisk);
        assertThat(onDisk.transfer()).isPositive();
    }
}
