package dev.flux.shutdown.tck.stateprocess;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.flux.shutdown.runtime.state.Envelope;
import dev.flux.shutdown.runtime.state.StateCodec;
import dev.flux.shutdown.runtime.state.jdbc.JdbcStoreConfig;
import dev.flux.shutdown.tck.stateapp.CheckpointLoop;
import dev.flux.shutdown.tck.stateapp.CounterState;
import dev.flux.shutdown.tck.stateapp.LoopStores;
import dev.flux.shutdown.testsupport.PostgresServer;

/**
 * The crash test of {@link CrashDuringCheckpointTest} against the JDBC store on a real PostgreSQL server: the same
 * child commits sets of three names through {@code JdbcCheckpointStore} (a new connection per transaction) and is
 * killed with SIGKILL at random instants. After every kill the set in the database is complete, all three names
 * hold the same value, and it is the last set the child reported committed or the one it was committing; the next
 * child restores exactly that. {@code -Dflux.crash.kills=N} sets the number of kills (default 200).
 */
class JdbcCrashDuringCheckpointTest {

    private static final List<String> NAMES = List.of("alpha", "beta", "gamma");
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final long MAX_KILL_DELAY_MICROS = 60_000;
    private static final Pattern COMMITTED = Pattern.compile("committed (\\d+) (\\d+)");
    private static final String TABLE = "crash_checkpoint";

    private static PostgresServer postgres;

    private final ScheduledExecutorService killer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "crash-test-killer");
        thread.setDaemon(true);
        return thread;
    });

    @BeforeAll
    static void startPostgres() {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() {
        postgres.close();
    }

    @AfterEach
    void stopKiller() {
        killer.shutdownNow();
    }

    @Test
    void killNineAtRandomInstantsNeverLeavesATornOrLostSetInPostgresql() throws Exception {
        int kills = Integer.getInteger("flux.crash.kills", 200);
        StateCodec codec = new StateCodec();
        long storedSequence = 0;
        long storedValue = 0;
        long started = System.nanoTime();

        for (int kill = 1; kill <= kills; kill++) {
            try (ChildJvm child = ChildJvm.start(CheckpointLoop.class, Map.of(JdbcStoreConfig.TABLE, TABLE,
                    JdbcStoreConfig.INSTANCE, "crash"), args())) {
                String expected = storedSequence == 0 ? "fresh" : "restored " + storedSequence + " " + storedValue;
                String line = child.awaitLine(l -> l.startsWith("restored ") || l.equals("fresh")
                        || l.startsWith("corrupt ") || l.startsWith("mixed "), BOUND);
                assertThat(line).as("restore after kill %d", kill - 1).isEqualTo(expected);
                child.awaitLine(l -> l.startsWith("committed "), BOUND);
                long delay = ThreadLocalRandom.current().nextLong(MAX_KILL_DELAY_MICROS + 1);
                killer.schedule(child::kill, delay, TimeUnit.MICROSECONDS);
                child.awaitExit(BOUND);

                long[] reported = lastReported(child.lines());
                // a COMMIT sent just before the kill still completes in the server: wait until the dead child's
                // sessions are gone, so what is read below is what the next child will find
                Awaitility.await().atMost(BOUND).until(() -> postgres.psql("postgres", "SELECT count(*) FROM"
                        + " pg_stat_activity WHERE application_name = '" + LoopStores.APPLICATION_NAME + "'")
                        .equals("0"));
                long sequence = 0;
                Map<String, Long> values = new TreeMap<>();
                // one statement, one snapshot
                for (String row : postgres.psql("postgres", "SELECT s.generation, e.name, encode(e.envelope, 'hex')"
                        + " FROM " + TABLE + " s JOIN " + TABLE + "_entry e ON e.instance = s.instance"
                        + " WHERE s.instance = 'crash' ORDER BY e.name").split("\n")) {
                    String[] columns = row.split("\\|");
                    sequence = Long.parseLong(columns[0]);
                    Envelope envelope = Envelope.stored(columns[1], HexFormat.of().parseHex(columns[2]));
                    CounterState state = new CounterState(0);
                    codec.apply(envelope.decode().state(), state, CounterState.class);
                    assertThat(state.consistent()).as("%s after kill %d", columns[1], kill).isTrue();
                    values.put(columns[1], state.value());
                }
                assertThat(values.keySet()).as("set %d after kill %d", sequence, kill).containsExactlyElementsOf(NAMES);
                assertThat(values.values()).as("one value in set %d after kill %d: %s", sequence, kill, values)
                        .containsOnly(values.get("alpha"));
                assertThat(sequence).as("after kill %d: the last committed or the next", kill)
                        .isBetween(reported[0], reported[0] + 1);
                assertThat(values.get("alpha")).isEqualTo(reported[1] + sequence - reported[0]);
                storedSequence = sequence;
                storedValue = values.get("alpha");
            }
        }

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("FLUX JDBC crash test: %d kills with SIGKILL in %ds against PostgreSQL; every set complete,"
                + " of one value, and restored; last set %d holds %d%n", kills, took.toSeconds(), storedSequence,
                storedValue);
        assertThat(storedValue).isPositive();
    }

    private static String[] args() {
        return Stream.concat(Stream.of(postgres.jdbcUrl("postgres")), NAMES.stream()).toArray(String[]::new);
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
