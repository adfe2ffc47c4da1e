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
final class LoopStores {

    private LoopStores() {
    }

    static CheckpointStore of(String where) {
        if (!where.startsWith("jdbc:")) {
            return new FileCheckpointStore(Path.of(where));
        }
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(where);
        ConfigReader reader = new ConfigReader(ConfigProvider.getConfig());
        JdbcStoreConfig config = JdbcStoreConfig.read(reader, Map.of());
        reader.throwIfInvalid();
        return new JdbcCheckpointStore(() -> source, config, Clock.systemUTC());
    }
}
