package dev.flux.shutdown.internal.state.jdbc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A commit the caller gives up on (interrupted, or out of time) while a statement of it waits on a lock that
 * another connection holds: the caller is told it failed, the transaction never commits afterwards, even once the
 * lock is released, and the application's pooled connection is not handed back with the store's network timeout.
 * Against a real PostgreSQL server.
 */
class AbandonedCommitTest {

    private static final Instant T0 = Instant.parse("2026-01-31T12:00:00Z");
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final String APPLICATION = "flux-test-abandoned";

    private final String table = Databases.freshTable();
    private Connection kept;
    private Connection locker;
    private CheckpointSets other;

    @BeforeEach
    void firstGeneration() throws Exception {
        other = new CheckpointSets(Databases.config(table, "a"),
                new BoundedTransactions(Databases.of("postgresql", "flux-test-other"), Duration.ofSeconds(30)));
        other.prepare();
        other.take();
        other.commit(Map.of("x", "1".getBytes(UTF_8)), T0);
        kept = Databases.of("postgresql", APPLICATION).getConnection();
        locker = Databases.of("postgresql", "flux-test-locker").getConnection();
    }

    @AfterEach
    void closeConnections() throws SQLException {
        locker.close();
        kept.close();
    }

    @Test
    void anInterruptedCommitNeverCommitsAndLeavesTheConnectionAsItWas() throws Exception {
        int networkTimeout = kept.getNetworkTimeout();
        CheckpointSets sets = keptStore(Duration.ofSeconds(30));
        holdTheSetsRow();
        CompletableFuture<CheckpointSets.Committed> outcome = new CompletableFuture<>();
        Thread caller = new Thread(() -> commitSecond(sets, outcome), "abandoned-commit-caller");
        caller.start();
        awaitTheCommitWaitingOnTheLock();

        caller.interrupt();

        assertThatThrownBy(() -> outcome.get(BOUND.toSeconds(), TimeUnit.SECONDS))
                .hasCauseInstanceOf(IOException.class);
        releaseTheLockAndAwaitTheStoresSession();
        assertTheFirstGenerationStands();
        assertTheConnectionIsAsItWas(networkTimeout);
    }

    @Test
    void aCommitOutOfTimeNeverCommitsAndLeavesTheConnectionAsItWas() throws Exception {
        int networkTimeout = kept.getNetworkTimeout();
        CheckpointSets sets = keptStore(Duration.ofSeconds(2));
        holdTheSetsRow();
        CompletableFuture<CheckpointSets.Committed> outcome = new CompletableFuture<>();
        Thread caller = new Thread(() -> commitSecond(sets, outcome), "timed-out-commit-caller");
        caller.start();

        assertThatThrownBy(() -> outcome.get(BOUND.toSeconds(), TimeUnit.SECONDS))
                .hasCauseInstanceOf(IOException.class).hasMessageContaining("no answer within PT2S");
        releaseTheLockAndAwaitTheStoresSession();
        assertTheFirstGenerationStands();
        assertTheConnectionIsAsItWas(networkTimeout);
    }

    @Test
    void aCommitLeavesTheNetworkTimeoutOfThePooledConnectionAsItFoundIt() throws Exception {
        int networkTimeout = kept.getNetworkTimeout();

        keptStore(Duration.ofSeconds(30)).commit(Map.of("x", "2".getBytes(UTF_8)), T0.plusSeconds(1));

        assertThat(kept.isClosed()).isFalse();
        assertThat(kept.getNetworkTimeout()).isEqualTo(networkTimeout);
        assertThat(other.take().generation()).isEqualTo(2);
    }

    /** The store of instance "a" on a data source that, as a pool does, hands out the same connection again. */
    private CheckpointSets keptStore(Duration timeout) throws IOException {
        CheckpointSets sets = new CheckpointSets(Databases.config(table, "a"),
                new BoundedTransactions(pool(kept), timeout));
        sets.prepare();
        return sets;
    }

    private static void commitSecond(CheckpointSets sets, CompletableFuture<CheckpointSets.Committed> outcome) {
        try {
            outcome.complete(sets.commit(Map.of("x", "2".getBytes(UTF_8)), T0.plusSeconds(1)));
        } catch (IOException | RuntimeException e) {
            outcome.completeExceptionally(e);
        }
    }

    private void holdTheSetsRow() throws SQLException {
        locker.setAutoCommit(false);
        try (Statement statement = locker.createStatement()) {
            statement.executeQuery("SELECT generation FROM " + table + " WHERE instance = 'a' FOR UPDATE").close();
        }
    }

    private void awaitTheCommitWaitingOnTheLock() {
        Awaitility.await().atMost(BOUND).until(() -> Databases.postgres().query("postgres",
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + APPLICATION
                        + "' AND wait_event_type = 'Lock'"), "1"::equals);
    }

    /** Ends the lock, then waits until the store's session has no transaction left open (or is gone). */
    private void releaseTheLockAndAwaitTheStoresSession() throws SQLException {
        locker.rollback();
        Awaitility.await().atMost(BOUND).until(() -> Databases.postgres().query("postgres",
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + APPLICATION
                        + "' AND state <> 'idle'"), "0"::equals);
    }

    private void assertTheFirstGenerationStands() throws IOException {
        StoredSet own = other.take();
        assertThat(own.generation()).as("generation after the abandoned commit").isEqualTo(1);
        assertThat(own.envelopes()).hasEntrySatisfying("x", bytes -> assertThat(bytes).asString(UTF_8)
                .isEqualTo("1"));
    }

    /** Back in the pool with the network timeout it had, or aborted: never usable with the store's setting. */
    private void assertTheConnectionIsAsItWas(int networkTimeout) throws SQLException {
        if (!kept.isClosed()) {
            assertThat(kept.getNetworkTimeout()).as("network timeout of the pooled connection")
                    .isEqualTo(networkTimeout);
        }
    }

    /** A data source that keeps one connection, as a pool does: closing what it hands out returns it, open. */
    private static DataSource pool(Connection connection) {
        Connection handedOut = (Connection) Proxy.newProxyInstance(AbandonedCommitTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> method.getName().equals("close") ? null
                        : invoke(connection, method, args));
        return (DataSource) Proxy.newProxyInstance(AbandonedCommitTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return handedOut;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
