package dev.flux.shutdown.internal.state.jdbc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A store that cannot be reached, or that goes away in the middle of a commit, gives a clear error within the
 * bound and never damages the previous set. Against a real PostgreSQL server.
 */
class StoreTroubleTest {

    private static final Instant T0 = Instant.parse("2026-01-31T12:00:00Z");

    @Test
    void aRefusedConnectionFailsPrepareWithTheCause() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL("jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres?user=flux");
        CheckpointSets sets = sets(source, Duration.ofSeconds(10));

        assertThatThrownBy(sets::prepare).isInstanceOf(IOException.class).hasMessageContaining("refused");
    }

    @Test
    void aServerThatNeverAnswersFailsWithinTheBound() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException e) {
                    // closed at the end of the test
                }
            }, "silent-server");
            acceptor.setDaemon(true);
            acceptor.start();
            PGSimpleDataSource source = new PGSimpleDataSource();
            source.setURL("jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/postgres?user=flux");
            CheckpointSets sets = sets(source, Duration.ofSeconds(1));

            long start = System.nanoTime();
            assertThatThrownBy(sets::prepare).isInstanceOf(IOException.class)
                    .hasMessageContaining("no answer within PT1S");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    @Test
    void aConnectionTerminatedInTheMiddleOfACommitLeavesThePreviousSet() throws Exception {
        String table = Databases.freshTable();
        DataSource plain = Databases.of("postgresql", "flux-test-plain");
        CheckpointSets a = new CheckpointSets(Databases.config(table, "a"),
                new BoundedTransactions(plain, Duration.ofSeconds(30)));
        a.prepare();
        a.take();
        a.commit(Map.of("x", "1".getBytes(UTF_8), "y", "1".getBytes(UTF_8)), T0);

        CountDownLatch atCommit = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        AtomicBoolean armed = new AtomicBoolean();
        DataSource holding = holdingAtCommit(Databases.of("postgresql", "flux-test-hold"), armed, atCommit,
                proceed);
        CheckpointSets held = new CheckpointSets(Databases.config(table, "a"),
                new BoundedTransactions(holding, Duration.ofSeconds(30)));
        held.prepare();
        armed.set(true);
        CompletableFuture<CheckpointSets.Committed> commit = CompletableFuture.supplyAsync(() -> {
            try {
                return held.commit(Map.of("x", "2".getBytes(UTF_8), "y", "2".getBytes(UTF_8)), T0.plusSeconds(1));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(atCommit.await(30, TimeUnit.SECONDS)).isTrue();
        String terminated = Databases.postgres().query("postgres", "SELECT count(pg_terminate_backend(pid)) FROM"
                + " pg_stat_activity WHERE application_name = 'flux-test-hold' AND state = 'idle in transaction'");
        proceed.countDown();

        assertThat(terminated).isEqualTo("1");
        assertThatThrownBy(() -> commit.get(30, TimeUnit.SECONDS)).hasRootCauseInstanceOf(
                org.postgresql.util.PSQLException.class);
        StoredSet own = a.take();
        assertThat(own.generation()).isEqualTo(1);
        assertThat(own.envelopes()).hasEntrySatisfying("x", bytes -> assertThat(bytes).asString(UTF_8)
                .isEqualTo("1"));
        assertThat(own.envelopes()).hasEntrySatisfying("y", bytes -> assertThat(bytes).asString(UTF_8)
                .isEqualTo("1"));
    }

    private static CheckpointSets sets(DataSource source, Duration timeout) {
        return new CheckpointSets(Databases.config(Databases.freshTable(), "a"), new BoundedTransactions(source,
                timeout));
    }

    /** Connections whose commits, once {@code armed}, wait for {@code proceed}, so a test can act meanwhile. */
    private static DataSource holdingAtCommit(DataSource source, AtomicBoolean armed, CountDownLatch atCommit,
            CountDownLatch proceed) {
        InvocationHandler dataSource = (proxy, method, args) -> {
            Object result = invoke(source, method, args);
            if (!(result instanceof Connection connection)) {
                return result;
            }
            return Proxy.newProxyInstance(StoreTroubleTest.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (p, m, a) -> {
                        if (m.getName().equals("commit") && armed.get()) {
                            atCommit.countDown();
                            proceed.await(60, TimeUnit.SECONDS);
                        }
                        return invoke(connection, m, a);
                    });
        };
        return (DataSource) Proxy.newProxyInstance(StoreTroubleTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, dataSource);
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
