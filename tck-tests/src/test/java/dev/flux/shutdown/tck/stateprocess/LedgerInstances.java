package dev.flux.shutdown.tck.stateprocess;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import dev.flux.shutdown.internal.state.StateConfig;
import dev.flux.shutdown.internal.state.jdbc.JdbcStoreConfig;
import dev.flux.shutdown.tck.stateapp.HandoffService;
import dev.flux.shutdown.testsupport.PostgresServer;

/**
 * Starts instances of the ledger application ({@link HandoffService}) on the JDBC store of one PostgreSQL server, each test in a table of
 * its own, and reads their state lines.
 */
final class LedgerInstances {

    static final Duration BOUND = Duration.ofSeconds(60);

    /** The accounts of a first start: three opening balances, no transfer yet. */
    static final String FRESH = "1000 1000 1000 0";
    private static final AtomicInteger TABLES = new AtomicInteger();

    private final PostgresServer postgres;
    private final String table;

    LedgerInstances(PostgresServer postgres) {
        this.postgres = postgres;
        this.table = "ledger_" + ProcessHandle.current().pid() + "_" + TABLES.incrementAndGet();
    }

    String table() {
        return table;
    }

    /** The configuration of an instance named {@code instance} whose database is at {@code port}. */
    Map<String, String> config(String instance, int port) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(StateConfig.STORE, "jdbc");
        config.put(JdbcStoreConfig.TABLE, table);
        config.put(JdbcStoreConfig.INSTANCE, instance);
        config.put("app.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=" + PostgresServer.USER);
        config.put("app.jdbc.application-name", "ledger-" + instance);
        return config;
    }

    ChildJvm start(String instance) {
        return start(config(instance, postgres.port()));
    }

    static ChildJvm start(Map<String, String> config) {
        return ChildJvm.start(HandoffService.class, config);
    }

    /** The accounts an instance printed when it was ready: {@code <checking> <savings> <reserve> <transfer>}. */
    static String ready(ChildJvm child) throws InterruptedException, TimeoutException {
        return child.awaitLine(line -> line.startsWith("ready "), BOUND).substring("ready ".length());
    }

    /** Makes {@code transfers} transfers and returns the state after them. */
    static String transfer(ChildJvm child, int transfers) throws Exception {
        int before = child.lines().size();
        child.send("transfer " + transfers);
        return child.awaitLine(line -> line.startsWith("state ") && child.lines().indexOf(line) >= before, BOUND)
                .substring("state ".length());
    }

    /** Runs SQL on the test database, returning its rows as psql -At prints them (columns joined by |). */
    String sql(String query) {
        return postgres.query("postgres", query);
    }
}
