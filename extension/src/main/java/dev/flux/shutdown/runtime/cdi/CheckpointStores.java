package dev.flux.shutdown.runtime.cdi;

import dev.flux.shutdown.runtime.state.CheckpointStore;
import dev.flux.shutdown.runtime.state.StateConfig;
import dev.flux.shutdown.runtime.state.file.FileCheckpointStore;

/** Makes the checkpoint store that {@value StateConfig#STORE} chooses. */
final class CheckpointStores {

    private CheckpointStores() {
    }

    static CheckpointStore create(StateConfig config) {
        return switch (config.store()) {
            case FILE -> new FileCheckpointStore(config.dir());
        };
    }
}
