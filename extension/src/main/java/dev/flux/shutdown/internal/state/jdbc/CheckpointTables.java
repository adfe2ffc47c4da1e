package dev.flux.shutdown.internal.state.jdbc;

import java.util.List;

/**
 * The SQL of the JDBC store, in one place: two tables, one row per instance's set of checkpoints and one row per
 * bean in it. The set row is what instances lock and move: committing, releasing and claiming a set all go through
 * it, so that a set changes hands as one unit.
 */
final class CheckpointTables {

    private final String sets;
    private final String entries;
    private final SqlDialect dialect;

    CheckpointTables(JdbcStoreConfig config, SqlDialect dialect) {
        this.sets = config.table();
        this.entries = config.entryTable();
        this.dialect = dialect;
    }

    /** The DDL, also for teams that create schemas themselves (the README shows the PostgreSQL form). */
    List<String> createIfMissing() {
        return List.of("CREATE TABLE IF NOT EXISTS " + sets + " ("
                + "instance VARCHAR(200) NOT NULL PRIMARY KEY, "
                + "generation BIGINT NOT NULL, "
                + "committed TIMESTAMP WITH TIME ZONE NOT NULL, "
                + "released TIMESTAMP WITH TIME ZONE, "
                + "claimed_from VARCHAR(200))",
                "CREATE TABLE IF NOT EXISTS " + entries + " ("
                + "instance VARCHAR(200) NOT NULL, "
                + "name VARCHAR(1000) NOT NULL, "
                + "envelope " + dialect.bytesType() + " NOT NULL, "
                + "quarantined TIMESTAMP WITH TIME ZONE, "
                + "PRIMARY KEY (instance, name))");
    }

    /** Fails when a table exists without the expected columns (created by hand, or by another program). */
    String probe() {
        return "SELECT s.instance, s.generation, s.committed, s.released, s.claimed_from, e.name, e.envelope,"
                + " e.quarantined FROM " + sets + " s JOIN " + entries + " e ON e.instance = s.instance WHERE 1 = 0";
    }

    String lockOwn() {
        return "SELECT generation, committed, released, claimed_from FROM " + sets + " WHERE instance = ? FOR UPDATE";
    }

    String takeBack() {
        return "UPDATE " + sets + " SET released = NULL WHERE instance = ?";
    }

    /** One released set of another instance, oldest release first; sets locked by another claimer are skipped. */
    String lockReleased() {
        return "SELECT instance FROM " + sets + " WHERE released IS NOT NULL AND instance <> ?"
                + " ORDER BY released, instance FETCH FIRST 1 ROWS ONLY FOR UPDATE SKIP LOCKED";
    }

    /** Moves a released set to its new owner, only if it is still released by the one it was found under. */
    String claimSet() {
        return "UPDATE " + sets + " SET instance = ?, released = NULL, claimed_from = ?"
                + " WHERE instance = ? AND released IS NOT NULL";
    }

    String claimEntries() {
        return "UPDATE " + entries + " SET instance = ? WHERE instance = ?";
    }

    String readEntries() {
        return "SELECT name, envelope FROM " + entries + " WHERE instance = ? AND quarantined IS NULL ORDER BY name";
    }

    String bumpSet() {
        return "UPDATE " + sets + " SET generation = generation + 1, committed = ? WHERE instance = ?";
    }

    String generation() {
        return "SELECT generation FROM " + sets + " WHERE instance = ?";
    }

    String insertSet() {
        return "INSERT INTO " + sets + " (instance, generation, committed, released, claimed_from)"
                + " VALUES (?, 1, ?, NULL, NULL)";
    }

    String deleteEntries() {
        return "DELETE FROM " + entries + " WHERE instance = ? AND quarantined IS NULL";
    }

    String insertEntry() {
        return "INSERT INTO " + entries + " (instance, name, envelope, quarantined) VALUES (?, ?, ?, NULL)";
    }

    /** Keeps an unusable entry, renamed, where no commit deletes it and a claim carries it along. */
    String quarantineEntry() {
        return "UPDATE " + entries + " SET name = ?, quarantined = ? WHERE instance = ? AND name = ?"
                + " AND quarantined IS NULL";
    }

    String release() {
        return "UPDATE " + sets + " SET released = ? WHERE instance = ? AND released IS NULL";
    }

    String countReleased() {
        return "SELECT COUNT(*) FROM " + sets + " WHERE released IS NOT NULL AND instance <> ?";
    }

    @Override
    public String toString() {
        return sets;
    }
}
