package dev.flux.shutdown.internal.state;

import java.time.Clock;

import dev.flux.shutdown.internal.state.file.FileCheckpointStore;
import dev.flux.shutdown.internal.state.jdbc.JdbcCheckpointStore;

/**
 * Makes the checkpoint store that {@value StateConfig#STORE} chooses; {@code dataSources} is where the JDBC store
 * finds the application's {@code DataSource} (when it is first used).
 */
public final class CheckpointStores {

    private CheckpointStores() {
    }

    public static CheckpointStore create(StateConfig config, JdbcCheckpointStore.DataSourceSource dataSources) {
        return switch (config.store()) {
            case FILE -> new FileCheckpointStore(config.dir());
            case JDBC -> new JdbcCheckpointStore(dataSources, config.jdbc(), Clock.systemUTC());
        };
    }
}
