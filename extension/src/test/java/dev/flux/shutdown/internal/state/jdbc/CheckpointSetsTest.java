package dev.flux.shutdown.internal.state.jdbc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JDBC store's transactions against a real PostgreSQL server and H2: sets, release, claim, quarantine. */
class CheckpointSetsTest {

    private static final Instant T0 = Instant.parse("2026-01-31T12:00:00Z");

    private String table;

    @BeforeEach
    void freshTable() {
        table = Databases.freshTable();
    }

    private CheckpointSets sets(String kind, String instance) throws IOException {
        DataSource source = Databases.of(kind, "flux-test-" + instance);
        CheckpointSets sets = new CheckpointSets(Databases.config(table, instance),
                new BoundedTransactions(source, Databases.config(table, instance).timeout()));
        sets.prepare();
        return sets;
    }

    /** The sets of {@code instance}, taken, with {@code set} committed at {@link #T0}. */
    private CheckpointSets committed(String kind, String instance, Map<String, byte[]> set) throws IOException {
        CheckpointSets sets = sets(kind, instance);
        sets.take();
        sets.commit(set, T0);
        return sets;
    }

    private static Map<String, byte[]> set(String... nameAndValue) {
        Map<String, byte[]> envelopes = new LinkedHashMap<>();
        for (int i = 0; i < nameAndValue.length; i += 2) {
            envelopes.put(nameAndValue[i], nameAndValue[i + 1].getBytes(UTF_8));
        }
        return envelopes;
    }

    private static Map<String, String> text(StoredSet set) {
        Map<String, String> values = new LinkedHashMap<>();
        set.envelopes().forEach((name, bytes) -> values.put(name, new String(bytes, UTF_8)));
        return values;
    }

    @Test
    void instancesStartingTogetherAllGetTheTablesTheyRaceToCreate() throws Exception {
        ExecutorService starting = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 10; round++) {
                table = Databases.freshTable();
                CountDownLatch go = new CountDownLatch(1);
                List<Future<CheckpointSets>> started = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    String instance = "racer-" + i;
                    started.add(starting.submit(() -> {
                        go.await();
                        return sets("postgresql", instance);
                    }));
                }
                go.countDown();
                for (Future<CheckpointSets> sets : started) {
                    assertThat(sets.get(60, TimeUnit.SECONDS)).as("round %d", round).isNotNull();
                }
            }
        } finally {
            starting.shutdownNow();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void aCommitReplacesTheWholeSetAndItsGenerationGrows(String kind) throws IOException {
        CheckpointSets a = sets(kind, "a");
        assertThat(a.take().origin()).isEqualTo(StoredSet.Origin.NONE);
        assertThat(a.commit(set("x", "1", "y", "1"), T0).generation()).isEqualTo(1);
        assertThat(a.commit(set("x", "2", "z", "2"), T0.plusSeconds(1)).generation()).isEqualTo(2);

        StoredSet own = sets(kind, "a").take();
        assertThat(own.origin()).isEqualTo(StoredSet.Origin.OWN);
        assertThat(own.generation()).isEqualTo(2);
        assertThat(own.committed()).contains(T0.plusSeconds(1));
        assertThat(text(own)).containsExactly(Map.entry("x", "2"), Map.entry("z", "2"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void aReleasedSetMovesToExactlyOneSuccessorAndContinues(String kind) throws IOException {
        CheckpointSets a = committed(kind, "a", set("x", "1"));
        assertThat(a.release(T0.plusSeconds(1))).isTrue();
        assertThat(sets(kind, "observer").unclaimed()).isEqualTo(1);

        CheckpointSets b = sets(kind, "b");
        StoredSet claimed = b.take();
        assertThat(claimed.origin()).isEqualTo(StoredSet.Origin.CLAIMED);
        assertThat(claimed.claimedFrom()).contains("a");
        assertThat(claimed.generation()).isEqualTo(1);
        assertThat(text(claimed)).containsExactly(Map.entry("x", "1"));
        assertThat(b.unclaimed()).isZero();
        assertThat(b.commit(set("x", "2"), T0.plusSeconds(2)).generation()).isEqualTo(2);

        assertThat(sets(kind, "c").take().origin()).as("nothing left to claim").isEqualTo(StoredSet.Origin.NONE);
        assertThat(sets(kind, "a").take().origin()).as("never back to the releaser").isEqualTo(StoredSet.Origin.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void aStableIdentityTakesBackItsOwnReleasedSet(String kind) throws IOException {
        CheckpointSets a = committed(kind, "web-0", set("x", "7"));
        a.release(T0);

        StoredSet again = sets(kind, "web-0").take();
        assertThat(again.origin()).isEqualTo(StoredSet.Origin.OWN);
        assertThat(text(again)).containsExactly(Map.entry("x", "7"));
        assertThat(sets(kind, "web-1").take().origin()).isEqualTo(StoredSet.Origin.NONE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void concurrentClaimersNeverGetTheSameSet(String kind) throws Exception {
        int released = 3;
        int claimers = 8;
        List<CheckpointSets> old = new ArrayList<>();
        for (int i = 0; i < released; i++) {
            old.add(committed(kind, "old-" + i, set("x", "state-of-old-" + i)));
        }
        for (int i = 0; i < released; i++) {
            old.get(i).release(T0.plusMillis(i));
        }
        List<CheckpointSets> starting = new ArrayList<>();
        for (int i = 0; i < claimers; i++) {
            starting.add(sets(kind, "new-" + i));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(claimers);
        try {
            List<Future<StoredSet>> results = new ArrayList<>();
            for (CheckpointSets claimer : starting) {
                Callable<StoredSet> claim = () -> {
                    start.await();
                    return claimer.take();
                };
                results.add(threads.submit(claim));
            }
            start.countDown();
            List<String> claimedFrom = new ArrayList<>();
            List<String> states = new ArrayList<>();
            for (Future<StoredSet> result : results) {
                StoredSet set = result.get(60, TimeUnit.SECONDS);
                if (set.origin() == StoredSet.Origin.CLAIMED) {
                    claimedFrom.add(set.claimedFrom().orElseThrow());
                    states.add(text(set).get("x"));
                } else {
                    assertThat(set.origin()).isEqualTo(StoredSet.Origin.NONE);
                }
            }
            assertThat(claimedFrom).containsExactlyInAnyOrder("old-0", "old-1", "old-2");
            assertThat(states).containsExactlyInAnyOrder("state-of-old-0", "state-of-old-1", "state-of-old-2");
        } finally {
            threads.shutdownNow();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void aFailedCommitLeavesThePreviousSetIntact(String kind) throws IOException {
        CheckpointSets a = committed(kind, "a", set("x", "1", "y", "1"));
        String tooLong = "n".repeat(1001);

        assertThatThrownBy(() -> a.commit(set("x", "2", tooLong, "2"), T0.plusSeconds(1)))
                .isInstanceOf(IOException.class);

        StoredSet own = sets(kind, "a").take();
        assertThat(own.generation()).isEqualTo(1);
        assertThat(text(own)).containsExactly(Map.entry("x", "1"), Map.entry("y", "1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void aQuarantinedEntryIsKeptButNeverReadNorReplaced(String kind) throws Exception {
        CheckpointSets a = committed(kind, "a", set("x", "1", "y", "1"));
        assertThat(a.quarantine("y", T0)).contains("y.corrupt-");
        a.commit(set("x", "2", "y", "2"), T0.plusSeconds(1));

        assertThat(text(sets(kind, "a").take())).containsExactly(Map.entry("x", "2"), Map.entry("y", "2"));
        Databases.execute(Databases.of(kind, "check"), "DELETE FROM " + table + "_entry WHERE quarantined IS NULL");
        assertThat(sets(kind, "a").take().envelopes()).isEmpty();
    }
}
