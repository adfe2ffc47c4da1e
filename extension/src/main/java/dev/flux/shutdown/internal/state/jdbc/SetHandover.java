package dev.flux.shutdown.internal.state.jdbc;

import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What an instance takes at start-up, in one transaction: its own set (taken back if it had released it), or else
 * exactly one set that another instance released, claimed by locking its row ({@code FOR UPDATE SKIP LOCKED}, so
 * that two claimers at once lock two different sets) and renaming it to this instance only if it is still released.
 */
final class SetHandover {

    /**
     * How often a claim is tried again when every released set was locked by other claimers at that instant (they
     * may roll back, and H2 counts a skipped row against {@code FETCH FIRST}, so that an unlocked set can hide
     * behind a locked one), each time after a pause of up to {@link #CLAIM_PAUSE_MILLIS}.
     */
    private static final int CLAIM_ATTEMPTS = 20;
    private static final int CLAIM_PAUSE_MILLIS = 20;

    private final JdbcStoreConfig config;
    private final BoundedTransactions transactions;
    private final CheckpointTables sql;

    SetHandover(JdbcStoreConfig config, BoundedTransactions transactions, CheckpointTables sql) {
        this.config = config;
        this.transactions = transactions;
        this.sql = sql;
    }

    /** This instance's own set, or else one released set of another instance, claimed; or none. */
    StoredSet take() throws IOException {
        for (int attempt = 1; attempt < CLAIM_ATTEMPTS; attempt++) {
            Optional<StoredSet> taken = transactions.run(tx -> {
                Optional<StoredSet> own = own(tx, sql);
                return own.isPresent() ? own : claim(tx, sql);
            });
            if (taken.isPresent()) {
                return taken.get();
            }
            pause();
        }
        // the others that held the released sets have claimed them
        return StoredSet.none();
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(1 + ThreadLocalRandom.current().nextInt(CLAIM_PAUSE_MILLIS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while claiming a released checkpoint", e);
        }
    }

    private Optional<StoredSet> own(BoundedTransactions.Tx tx, CheckpointTables sql) throws SQLException {
        long generation;
        Instant committed;
        try (PreparedStatement lock = tx.prepare(sql.lockOwn())) {
            lock.setString(1, config.instance());
            try (ResultSet row = lock.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                generation = row.getLong(1);
                committed = row.getObject(2, OffsetDateTime.class).toInstant();
                if (row.getObject(3, OffsetDateTime.class) != null) {
                    try (PreparedStatement takeBack = tx.prepare(sql.takeBack())) {
                        takeBack.setString(1, config.instance());
                        takeBack.executeUpdate();
                    }
                }
            }
        }
        return Optional.of(new StoredSet(StoredSet.Origin.OWN, Optional.empty(), generation, Optional.of(committed),
                entries(tx, sql)));
    }

    /** Empty when the set it locked was claimed meanwhile, or every released set was locked by other claimers. */
    private Optional<StoredSet> claim(BoundedTransactions.Tx tx, CheckpointTables sql) throws SQLException {
        String released;
        try (PreparedStatement find = tx.prepare(sql.lockReleased())) {
            find.setString(1, config.instance());
            try (ResultSet row = find.executeQuery()) {
                if (!row.next()) {
                    return anyReleased(tx, sql) ? Optional.empty() : Optional.of(StoredSet.none());
                }
                released = row.getString(1);
            }
        }
        try (PreparedStatement move = tx.prepare(sql.claimSet())) {
            move.setString(1, config.instance());
            move.setString(2, released);
            move.setString(3, released);
            if (move.executeUpdate() != 1) {
                tx.connection().rollback();
                return Optional.empty();
            }
        }
        try (PreparedStatement move = tx.prepare(sql.claimEntries())) {
            move.setString(1, config.instance());
            move.setString(2, released);
            move.executeUpdate();
        }
        Optional<StoredSet> own = own(tx, sql);
        return own.map(set -> new StoredSet(StoredSet.Origin.CLAIMED, Optional.of(released), set.generation(),
                set.committed(), set.envelopes()));
    }

    /** Whether other instances' sets are released but were all locked (by other claimers) just now. */
    private boolean anyReleased(BoundedTransactions.Tx tx, CheckpointTables sql) throws SQLException {
        return CheckpointSets.countReleased(tx, sql, config.instance()) > 0;
    }

    private Map<String, byte[]> entries(BoundedTransactions.Tx tx, CheckpointTables sql) throws SQLException {
        Map<String, byte[]> envelopes = new LinkedHashMap<>();
        try (PreparedStatement read = tx.prepare(sql.readEntries())) {
            read.setString(1, config.instance());
            try (ResultSet rows = read.executeQuery()) {
                while (rows.next()) {
                    envelopes.put(rows.getString(1), rows.getBytes(2));
                }
            }
        }
        return envelopes;
    }
}
