package dev.flux.shutdown.internal.state;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.flux.shutdown.internal.config.ConfigReader;
import dev.flux.shutdown.internal.config.ConfigKeys;
import dev.flux.shutdown.internal.state.jdbc.JdbcStoreConfig;

/**
 * Configuration of the PERSISTING phase and of checkpoints.
 *
 * @param store              {@value #STORE}: where checkpoints live ({@code file} or {@code jdbc})
 * @param dir                {@value #DIR}: the checkpoint directory of the file store, relative to the working
 *                           directory unless absolute
 * @param checkpointInterval {@value #CHECKPOINT_INTERVAL}: period of background checkpoints; zero turns them off
 * @param jdbc               the JDBC store's keys and the instance identity (read and checked whatever the store)
 */
public record StateConfig(StoreKind store, Path dir, Duration checkpointInterval, JdbcStoreConfig jdbc) {

    public static final String STORE = ConfigKeys.PREFIX + "state.store";
    public static final String DIR = ConfigKeys.PREFIX + "state.dir";
    public static final String CHECKPOINT_INTERVAL = ConfigKeys.PREFIX + "state.checkpoint-interval";

    /** The kinds of checkpoint store, as {@value #STORE} names them (in kebab-case). */
    public enum StoreKind {
        /** Generations of files in {@value #DIR}. */
        FILE,
        /** Sets in a table of the application's own {@code DataSource}, handed over between instances. */
        JDBC
    }

    /** Reads the keys; {@code environment} gives the default instance identity ({@code HOSTNAME}). */
    public static StateConfig read(ConfigReader reader, Map<String, String> environment) {
        StoreKind store = reader.choice(STORE, StoreKind.FILE, StoreKind.class);
        String dirName = reader.raw(DIR).orElse("flux-state");
        Path dir = Path.of("flux-state");
        try {
            dir = Path.of(dirName);
        } catch (InvalidPathException e) {
            reader.invalid(DIR, dirName, "a directory path");
        }
        Duration interval = reader.duration(CHECKPOINT_INTERVAL, Duration.ZERO);
        return new StateConfig(store, dir, interval, JdbcStoreConfig.read(reader, environment));
    }
}
