package dev.flux.shutdown.tck.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.flux.shutdown.runtime.state.Checkpoint;
import dev.flux.shutdown.runtime.state.EnvelopeFormat;
import dev.flux.shutdown.runtime.state.FileCheckpointStore;
import dev.flux.shutdown.runtime.state.PersistentType;
import dev.flux.shutdown.runtime.state.StateCodec;
import dev.flux.shutdown.runtime.state.StateConfig;

/** Prepares and inspects checkpoint files the way the library writes them, before and after a deployment. */
final class StateFiles {

    private static final StateCodec CODEC = new StateCodec();

    private StateFiles() {
    }

    /** The config of a deployment whose checkpoints live in {@code dir}. */
    static Map<String, String> stateDir(Path dir) {
        return Map.of(StateConfig.DIR, dir.toString());
    }

    /** The type that the library sees for {@code beanClass}. */
    static PersistentType type(Class<?> beanClass) {
        return PersistentType.of(beanClass).orElseThrow();
    }

    /** A valid checkpoint of {@code beanClass} holding the fields of {@code source}. */
    static Checkpoint checkpointOf(Class<?> beanClass, Object source) {
        try {
            return Checkpoint.of(type(beanClass), Instant.now(), CODEC.capture(source, beanClass));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid checkpoint (right checksum) of {@code beanClass} whose state is the given JSON object. */
    static Checkpoint checkpointWithState(Class<?> beanClass, String stateJson) {
        try {
            // the test's own Jackson reads the text; the library's relocated copy makes its tree from the result
            Map<?, ?> state = new ObjectMapper().readValue(stateJson, LinkedHashMap.class);
            return Checkpoint.of(type(beanClass), Instant.now(), CODEC.capture(state, Map.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code checkpoint} into {@code dir} with the library's store; returns the file. */
    static Path write(Path dir, Checkpoint checkpoint) {
        try {
            FileCheckpointStore store = new FileCheckpointStore(dir);
            store.prepare();
            store.write(checkpoint);
            return store.path(checkpoint.name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes raw bytes where the checkpoint of {@code beanClass} lives; returns the file. */
    static Path writeRaw(Path dir, Class<?> beanClass, byte[] bytes) {
        try {
            Path file = new FileCheckpointStore(dir).path(type(beanClass).name());
            Files.createDirectories(dir);
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] encode(Checkpoint checkpoint) {
        return EnvelopeFormat.encode(checkpoint);
    }

    /** The checkpoint file of {@code beanClass} in {@code dir}. */
    static Path file(Path dir, Class<?> beanClass) {
        return new FileCheckpointStore(dir).path(type(beanClass).name());
    }

    /** Where an unusable checkpoint of {@code beanClass} is moved. */
    static Path quarantined(Path dir, Class<?> beanClass) {
        Path file = file(dir, beanClass);
        return file.resolveSibling(file.getFileName() + FileCheckpointStore.CORRUPT_SUFFIX);
    }

    /** Reads the checkpoint of {@code beanClass} (it must exist and be intact) into a plain new {@code target}. */
    static <T> T readInto(Path dir, Class<T> beanClass, T target) throws Exception {
        Checkpoint checkpoint = new FileCheckpointStore(dir).read(type(beanClass).name()).orElseThrow();
        CODEC.apply(checkpoint.state(), target, beanClass);
        return target;
    }

    /** The checkpoint of {@code beanClass}; it must exist and be intact. */
    static Checkpoint read(Path dir, Class<?> beanClass) throws Exception {
        return new FileCheckpointStore(dir).read(type(beanClass).name()).orElseThrow();
    }
}
