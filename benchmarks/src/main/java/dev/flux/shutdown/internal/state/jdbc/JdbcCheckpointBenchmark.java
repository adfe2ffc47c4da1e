package dev.flux.shutdown.internal.state.jdbc;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.postgresql.ds.PGSimpleDataSource;

import dev.flux.shutdown.internal.state.Envelope;
import dev.flux.shutdown.testsupport.PostgresServer;

/**
 * The cost of one checkpoint in the JDBC store on PostgreSQL (a commit of a set of 1, 10 or 100 beans: the set row
 * updated, the entries replaced, one transaction), against the floor: one raw transaction that INSERTs the same
 * bytes into a plain table. Each both on a {@code PGSimpleDataSource} (a new connection per transaction: no pool)
 * and on one kept connection (what a pool gives: the store closes it, and the pool keeps it). The server is a fresh
 * cluster with PostgreSQL's defaults (fsync on), started by the benchmark (test-support's PostgresServer).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class JdbcCheckpointBenchmark {

    /** A bean's envelope of about 1 KiB, as the library writes it. */
    private static final int STATE_BYTES = 1024;

    @Param({"1", "10", "100"})
    int beans;

    private PostgresServer postgres;
    private PGSimpleDataSource source;
    private JdbcCheckpointStore store;
    private JdbcCheckpointStore pooledStore;
    private List<Envelope> envelopes;
    private Connection kept;

    @Setup(Level.Trial)
    public void start() throws IOException, SQLException {
        postgres = PostgresServer.start();
        source = new PGSimpleDataSource();
        source.setURL(postgres.jdbcUrl("postgres"));
        store = new JdbcCheckpointStore(() -> source, new JdbcStoreConfig("", "flux_checkpoint", "bench",
                Duration.ofSeconds(30)), Clock.systemUTC());
        store.prepare();
        store.load();
        envelopes = new ArrayList<>();
        for (int i = 0; i < beans; i++) {
            envelopes.add(Envelope.stored("bean-" + i, envelope("bean-" + i)));
        }
        kept = source.getConnection();
        pooledStore = new JdbcCheckpointStore(() -> keeping(kept), new JdbcStoreConfig("", "flux_checkpoint",
                "bench-pooled", Duration.ofSeconds(30)), Clock.systemUTC());
        pooledStore.prepare();
        pooledStore.load();
        try (Statement statement = kept.createStatement()) {
            statement.execute("CREATE TABLE raw_insert (instance VARCHAR(200), name VARCHAR(1000), envelope BYTEA)");
        }
    }

    @TearDown(Level.Iteration)
    public void emptyRawTable() throws SQLException {
        try (Statement statement = kept.createStatement()) {
            statement.execute("TRUNCATE raw_insert");
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws SQLException {
        kept.close();
        postgres.close();
    }

    @Benchmark
    public long checkpoint() throws IOException {
        return store.commit(envelopes);
    }

    @Benchmark
    public long checkpointKeptConnection() throws IOException {
        return pooledStore.commit(envelopes);
    }

    @Benchmark
    public int rawInsertNewConnection() throws SQLException {
        try (Connection connection = source.getConnection()) {
            return rawInsert(connection);
        }
    }

    @Benchmark
    public int rawInsertKeptConnection() throws SQLException {
        return rawInsert(kept);
    }

    private int rawInsert(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO raw_insert (instance, name, envelope) VALUES (?, ?, ?)")) {
            for (Envelope envelope : envelopes) {
                insert.setString(1, "bench");
                insert.setString(2, envelope.name());
                insert.setBytes(3, envelope.bytes());
                insert.addBatch();
            }
            int[] counts = insert.executeBatch();
            connection.commit();
            return counts.length;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** A data source that always hands out {@code connection}, whose close does nothing: a pool of one. */
    private static DataSource keeping(Connection connection) {
        Connection unclosable = (Connection) Proxy.newProxyInstance(JdbcCheckpointBenchmark.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return (DataSource) Proxy.newProxyInstance(JdbcCheckpointBenchmark.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        return unclosable;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static byte[] envelope(String name) {
        StringBuilder state = new StringBuilder("{\"values\":\"");
        while (state.length() < STATE_BYTES) {
            state.append("0123456789abcdef");
        }
        state.append("\"}");
        return ("{\n  \"format\" : 1,\n  \"name\" : \"" + name + "\",\n  \"beanClass\" : \"com.acme.Bean\",\n"
                + "  \"written\" : \"2026-01-31T12:00:00Z\",\n  \"checksum\" : \"sha256:" + "0".repeat(64)
                + "\",\n  \"state\" : " + state + "\n}").getBytes(StandardCharsets.UTF_8);
    }
}
