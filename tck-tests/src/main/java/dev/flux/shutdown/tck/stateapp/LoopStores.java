package dev.flux.shutdown.tck.stateapp;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.postgresql.ds.PGSimpleDataSource;

import dev.flux.shutdown.runtime.ConfigReader;
import dev.flux.shutdown.runtime.state.CheckpointStore;
import dev.flux.shutdown.runtime.state.file.FileCheckpointStore;
import dev.flux.shutdown.runtime.state.jdbc.JdbcCheckpointStore;
import dev.flux.shutdown.runtime.state.jdbc.JdbcStoreConfig;

/**
 * The store of {@link CheckpointLoop}: the file store in a directory, or, for a {@code jdbc:postgresql:} URL, the
 * JDBC store on a {@code PGSimpleDataSource} (a new connection per transaction), configured by the
 * {@code flux.shutdown.state.*} system properties (table, instance, timeout), read and checked as the library does.
 */
public final class LoopStores {

    /** The PostgreSQL application name of the loop's sessions. */
    public static final String APPLICATION_NAME = "checkpoint-loop";

    private LoopStores() {
    }

    static CheckpointStore of(String where) {
        if (!where.startsWith("jdbc:")) {
            return new FileCheckpointStore(Path.of(where));
        }
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(where);
        // so that a test can wait for the sessions of a killed child to end before it looks at what they left
        source.setApplicationName(APPLICATION_NAME);
        ConfigReader reader = new ConfigReader(ConfigProvider.getConfig());
        JdbcStoreConfig config = JdbcStoreConfig.read(reader, Map.of());
        reader.throwIfInvalid();
        return new JdbcCheckpointStore(() -> source, config, Clock.systemUTC());
    }
}
