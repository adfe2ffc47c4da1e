package dev.flux.shutdown.runtime.cdi;

import java.time.Clock;

import jakarta.enterprise.inject.Instance;

import dev.flux.shutdown.runtime.state.CheckpointStore;
import dev.flux.shutdown.runtime.state.StateConfig;
import dev.flux.shutdown.runtime.state.file.FileCheckpointStore;
import dev.flux.shutdown.runtime.state.jdbc.JdbcCheckpointStore;

/**
 * Makes the checkpoint store that {@value StateConfig#STORE} chooses; {@code beans} is where the JDBC store finds
 * the application's {@code DataSource} (when it is first used).
 */
final class CheckpointStores {

    private CheckpointStores() {
    }

    static CheckpointStore create(StateConfig config, Instance<Object> beans) {
        return switch (config.store()) {
            case FILE -> new FileCheckpointStore(config.dir());
            case JDBC -> new JdbcCheckpointStore(() -> DataSourceLookup.find(beans, config.jdbc().dataSource()),
                    config.jdbc(), Clock.systemUTC());
        };
    }
}
