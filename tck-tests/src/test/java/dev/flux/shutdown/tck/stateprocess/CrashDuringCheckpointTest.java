package dev.flux.shutdown.tck.stateprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import dev.flux.shutdown.internal.state.CheckpointSet;
import dev.flux.shutdown.internal.state.Envelope;
import dev.flux.shutdown.internal.state.StateCodec;
import dev.flux.shutdown.internal.state.file.FileCheckpointStore;
import dev.flux.shutdown.tck.stateapp.CheckpointLoop;
import dev.flux.shutdown.tck.stateapp.CounterState;

/**
 * No state is lost or corrupted when the process dies, and a set is never torn: a child JVM that commits sets of
 * three names continuously through the library's file store is killed with SIGKILL at random instants, again and
 * again. After every kill the newest generation is complete and intact, all three names hold the same value, that
 * value is the last the child reported committed or the one it was committing, and the next child restores exactly
 * that. {@code -Dflux.crash.kills=N} sets the number of kills (default 200).
 * <p>
 * What this cannot see: a power cut. The kernel's page cache outlives a killed process, so every byte written and
 * every rename done before the kill is on disk for the next child, forced or not; this test passes with every
 * {@code force} of the file store left out. {@code PowerLossDuringCheckpointsTest} (in {@code extension}) is the
 * one that sees a missing {@code fsync}.
 */
class CrashDuringCheckpointTest {

    private static final List<String> NAMES = List.of("alpha", "beta", "gamma");
    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final Pattern COMMITTED = Pattern.compile("committed (\\d+) (\\d+)");

    @TempDir
    Path temp;

    @RegisterExtension
    final KillSchedule killer = new KillSchedule(30_000);

    @Test
    void processKilledAtRandomInstantsNeverLeavesATornCorruptOrLostSet() throws Exception {
        int kills = KillSchedule.kills(200);
        Path dir = temp.resolve("state");
        FileCheckpointStore store = new FileCheckpointStore(dir);
        StateCodec codec = new StateCodec();
        long onDiskSequence = 0;
        long onDiskValue = 0;
        int killedMidCommit = 0;
        long started = System.nanoTime();

        for (int kill = 1; kill <= kills; kill++) {
            try (ChildJvm child = ChildJvm.start(CheckpointLoop.class, Map.of(), args(dir))) {
                String expected = onDiskSequence == 0 ? "fresh" : "restored " + onDiskSequence + " " + onDiskValue;
                String line = child.awaitLine(l -> l.startsWith("restored ") || l.equals("fresh")
                        || l.startsWith("corrupt ") || l.startsWith("mixed "), BOUND);
                assertThat(line).as("restore after kill %d", kill - 1).isEqualTo(expected);
                child.awaitLine(l -> l.startsWith("committed "), BOUND);
                killer.killAtRandomInstant(child, BOUND);

                long[] reported = lastReported(child.lines());
                killedMidCommit += KillSchedule.leftoverTemporaryGenerations(dir) > 0 ? 1 : 0;
                CheckpointSet set = store.inspect().orElseThrow();
                Map<String, Long> values = new TreeMap<>();
                for (Envelope envelope : set.envelopes()) {
                    CounterState state = new CounterState(0);
                    codec.apply(envelope.decode().state(), state, CounterState.class);
                    assertThat(state.consistent()).as("%s after kill %d", envelope.name(), kill).isTrue();
                    values.put(envelope.name(), state.value());
                }
                assertThat(values.keySet()).as("set %d after kill %d", set.sequence(), kill)
                        .containsExactlyElementsOf(NAMES);
                assertThat(values.values()).as("one value in set %d after kill %d: %s", set.sequence(), kill, values)
                        .containsOnly(values.get("alpha"));
                assertThat(set.sequence()).as("after kill %d: the last committed or the next", kill)
                        .isBetween(reported[0], reported[0] + 1);
                assertThat(values.get("alpha")).isEqualTo(reported[1] + set.sequence() - reported[0]);
                onDiskSequence = set.sequence();
                onDiskValue = values.get("alpha");
                assertThat(KillSchedule.quarantined(dir)).isZero();
            }
        }

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("FLUX crash test: %d kills with SIGKILL in %ds (%d killed between creating a generation and"
                + " renaming it into place); every set complete, of one value, and restored; last set %d holds %d%n",
                kills, took.toSeconds(), killedMidCommit, onDiskSequence, onDiskValue);
        assertThat(onDiskValue).isPositive();
    }

    private static String[] args(Path dir) {
        return Stream.concat(Stream.of(dir.toString()), NAMES.stream()).toArray(String[]::new);
    }

    /** The sequence and value of the last set the child reported committed. */
    private static long[] lastReported(List<String> lines) {
        long[] last = {0, 0};
        for (String line : lines) {
            Matcher matcher = COMMITTED.matcher(line);
            if (matcher.matches()) {
                last = new long[] {Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))};
            }
        }
        return last;
    }
}
