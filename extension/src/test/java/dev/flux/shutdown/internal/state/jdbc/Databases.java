package dev.flux.shutdown.internal.state.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

import dev.flux.shutdown.testsupport.PostgresServer;

/** The databases the JDBC store is tested on: one real PostgreSQL server for the test run, and H2 in memory. */
final class Databases {

    private static final AtomicInteger TABLES = new AtomicInteger();
    private static PostgresServer postgres;

    private Databases() {
    }

    static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.start();
        }
        return postgres;
    }

    /** A data source of {@code kind} ({@code postgresql} or {@code h2}); {@code application} names its sessions. */
    static DataSource of(String kind, String application) {
        if (kind.equals("postgresql")) {
            PGSimpleDataSource source = new PGSimpleDataSource();
            source.setURL(postgres().jdbcUrl("postgres"));
            source.setApplicationName(application);
            return source;
        }
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:mem:flux;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        return source;
    }

    /** A table name no other test uses. */
    static String freshTable() {
        return "flux_test_" + TABLES.incrementAndGet();
    }

    static JdbcStoreConfig config(String table, String instance) {
        return new JdbcStoreConfig("", table, instance, Duration.ofSeconds(10));
    }

    static void execute(DataSource source, String sql) throws SQLException {
        try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
