package dev.flux.shutdown.internal.state.jdbc;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * The operations of one instance on the checkpoint tables, each one transaction: create the tables, take the set
 * at start-up (its own, or claim exactly one released by another instance: {@link SetHandover}), replace its set,
 * quarantine one entry, release the set after a complete shutdown, and count the released sets nobody has claimed
 * yet.
 */
final class CheckpointSets {

    private final JdbcStoreConfig config;
    private final BoundedTransactions transactions;
    private volatile CheckpointTables tables;

    CheckpointSets(JdbcStoreConfig config, BoundedTransactions transactions) {
        this.config = config;
        this.transactions = transactions;
    }

    /**
     * Connects, recognizes the database, creates the tables if they are missing and checks their columns. Tried a
     * second time after a unique violation or a duplicate table or type: instances that start together may race to
     * create the tables (on PostgreSQL the loser of {@code CREATE TABLE IF NOT EXISTS} fails, with 23505, 42P07 or
     * 42710 "type ... already exists"), and then the tables exist.
     */
    SqlDialect prepare() throws IOException {
        try {
            return prepareOnce();
        } catch (IOException first) {
            if (!(first.getCause() instanceof SQLException sql) || !lostCreationRace(sql.getSQLState())) {
                throw first;
            }
            try {
                return prepareOnce();
            } catch (IOException second) {
                second.addSuppressed(first);
                throw second;
            }
        }
    }

    private static boolean lostCreationRace(String sqlState) {
        return sqlState != null && (sqlState.startsWith("23") || sqlState.equals("42P07") || sqlState.equals("42710"));
    }

    private SqlDialect prepareOnce() throws IOException {
        return transactions.run(tx -> {
            Connection connection = tx.connection();
            String product = connection.getMetaData().getDatabaseProductName();
            SqlDialect dialect = SqlDialect.of(product).orElseThrow(() -> new IOException("the database is "
                    + product + "; this store supports PostgreSQL and H2"));
            CheckpointTables ready = new CheckpointTables(config, dialect);
            try (Statement statement = tx.createStatement()) {
                for (String ddl : ready.createIfMissing()) {
                    statement.execute(ddl);
                }
            }
            try (PreparedStatement probe = tx.prepare(ready.probe())) {
                probe.executeQuery().close();
            }
            tables = ready;
            return dialect;
        });
    }

    /** This instance's own set, or else one released set of another instance, claimed; or none. */
    StoredSet take() throws IOException {
        return new SetHandover(config, transactions, tables()).take();
    }

    /** What a commit did: the set's new generation, and the count of released sets of others in that instant. */
    record Committed(long generation, long unclaimed) {
    }

    /** Replaces this instance's set by {@code envelopes} in one transaction. */
    Committed commit(Map<String, byte[]> envelopes, Instant now) throws IOException {
        CheckpointTables sql = tables();
        return transactions.run(tx -> {
            OffsetDateTime time = now.atOffset(ZoneOffset.UTC);
            try (PreparedStatement bump = tx.prepare(sql.bumpSet())) {
                bump.setObject(1, time);
                bump.setString(2, config.instance());
                if (bump.executeUpdate() == 0) {
                    try (PreparedStatement insert = tx.prepare(sql.insertSet())) {
                        insert.setString(1, config.instance());
                        insert.setObject(2, time);
                        insert.executeUpdate();
                    }
                }
            }
            try (PreparedStatement delete = tx.prepare(sql.deleteEntries())) {
                delete.setString(1, config.instance());
                delete.executeUpdate();
            }
            try (PreparedStatement insert = tx.prepare(sql.insertEntry())) {
                for (Map.Entry<String, byte[]> entry : envelopes.entrySet()) {
                    insert.setString(1, config.instance());
                    insert.setString(2, entry.getKey());
                    insert.setBytes(3, entry.getValue());
                    insert.addBatch();
                }
                if (!envelopes.isEmpty()) {
                    insert.executeBatch();
                }
            }
            long generation;
            try (PreparedStatement select = tx.prepare(sql.generation())) {
                select.setString(1, config.instance());
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    generation = row.getLong(1);
                }
            }
            return new Committed(generation, count(tx, sql));
        });
    }

    /** Renames the entry of {@code name} so that it is kept but never read or replaced; returns its new name. */
    String quarantine(String name, Instant now) throws IOException {
        CheckpointTables sql = tables();
        String aside = name + ".corrupt-" + now.toEpochMilli();
        return transactions.run(tx -> {
            try (PreparedStatement update = tx.prepare(sql.quarantineEntry())) {
                update.setString(1, aside);
                update.setObject(2, now.atOffset(ZoneOffset.UTC));
                update.setString(3, config.instance());
                update.setString(4, name);
                update.executeUpdate();
            }
            return "entry '" + aside + "' of instance '" + config.instance() + "' in " + sql;
        });
    }

    /** Marks this instance's set released, for one successor to claim; false when it has none. */
    boolean release(Instant now) throws IOException {
        CheckpointTables sql = tables();
        return transactions.run(tx -> {
            try (PreparedStatement release = tx.prepare(sql.release())) {
                release.setObject(1, now.atOffset(ZoneOffset.UTC));
                release.setString(2, config.instance());
                return release.executeUpdate() == 1;
            }
        });
    }

    /** How many sets other instances released and nobody has claimed yet. */
    long unclaimed() throws IOException {
        CheckpointTables sql = tables();
        return transactions.run(tx -> count(tx, sql));
    }

    private long count(BoundedTransactions.Tx tx, CheckpointTables sql) throws SQLException {
        return countReleased(tx, sql, config.instance());
    }

    /** How many sets of instances other than {@code instance} are released, in the transaction {@code tx}. */
    static long countReleased(BoundedTransactions.Tx tx, CheckpointTables sql, String instance) throws SQLException {
        try (PreparedStatement count = tx.prepare(sql.countReleased())) {
            count.setString(1, instance);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private CheckpointTables tables() throws IOException {
        CheckpointTables ready = tables;
        if (ready == null) {
            throw new IOException("the store was not prepared at start-up");
        }
        return ready;
    }

    @Override
    public String toString() {
        return "table " + config.table() + " as instance '" + config.instance() + "'";
    }
}
