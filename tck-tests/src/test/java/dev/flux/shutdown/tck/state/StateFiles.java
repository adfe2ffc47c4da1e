package dev.flux.shutdown.tck.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.flux.shutdown.internal.state.Checkpoint;
import dev.flux.shutdown.internal.state.CheckpointSet;
import dev.flux.shutdown.internal.state.Envelope;
import dev.flux.shutdown.internal.state.EnvelopeFormat;
import dev.flux.shutdown.internal.state.PersistentType;
import dev.flux.shutdown.internal.state.StateCodec;
import dev.flux.shutdown.internal.state.StateConfig;
import dev.flux.shutdown.internal.state.file.CheckpointFileNames;
import dev.flux.shutdown.internal.state.file.FileCheckpointStore;

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

    /** Commits {@code checkpoint} as a set of its own into {@code dir}, as a previous run would; returns its file. */
    static Path write(Path dir, Checkpoint checkpoint) {
        try {
            FileCheckpointStore store = new FileCheckpointStore(dir);
            store.prepare();
            long sequence = store.commit(List.of(Envelope.of(checkpoint)));
            return store.generation(sequence).resolve(CheckpointFileNames.of(checkpoint.name()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Commits {@code checkpoints} as one set into {@code dir}, as a previous run would; returns its generation. */
    static Path writeSet(Path dir, Checkpoint... checkpoints) {
        try {
            FileCheckpointStore store = new FileCheckpointStore(dir);
            store.prepare();
            return store.generation(store.commit(Stream.of(checkpoints).map(Envelope::of).toList()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sequence number of the newest set in {@code dir}. */
    static long newestSequence(Path dir) throws IOException {
        return new FileCheckpointStore(dir).inspect().orElseThrow().sequence();
    }

    /**
     * Writes raw bytes where a version before checkpoint sets kept the checkpoint of {@code beanClass} (one file
     * per bean in {@code dir}), which the library reads once and carries into its own layout; returns the file.
     */
    static Path writeRaw(Path dir, Class<?> beanClass, byte[] bytes) {
        try {
            Path file = legacyFile(dir, beanClass);
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

    /** Where a version before checkpoint sets kept the checkpoint of {@code beanClass}. */
    static Path legacyFile(Path dir, Class<?> beanClass) {
        return dir.resolve(CheckpointFileNames.of(type(beanClass).name()));
    }

    /**
     * The file of {@code beanClass} in the newest generation in {@code dir}, or, when there is none yet, where a
     * version before checkpoint sets kept it.
     */
    static Path file(Path dir, Class<?> beanClass) {
        try {
            FileCheckpointStore store = new FileCheckpointStore(dir);
            Optional<CheckpointSet> newest = Files.isDirectory(dir) ? store.inspect() : Optional.empty();
            return newest.map(set -> store.generation(set.sequence())
                    .resolve(CheckpointFileNames.of(type(beanClass).name()))).orElse(legacyFile(dir, beanClass));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where an unusable checkpoint of {@code beanClass} is moved. */
    static Path quarantined(Path dir, Class<?> beanClass) {
        return dir.resolve(CheckpointFileNames.of(type(beanClass).name()) + FileCheckpointStore.CORRUPT_SUFFIX);
    }

    /** Reads the checkpoint of {@code beanClass} (it must exist and be intact) into a plain new {@code target}. */
    static <T> T readInto(Path dir, Class<T> beanClass, T target) throws Exception {
        CODEC.apply(read(dir, beanClass).state(), target, beanClass);
        return target;
    }

    /** The checkpoint of {@code beanClass} in the newest set; it must exist and be intact. */
    static Checkpoint read(Path dir, Class<?> beanClass) throws Exception {
        return find(dir, type(beanClass).name()).orElseThrow();
    }

    /** The checkpoint of {@code name} in the newest set in {@code dir}, if there is one; it must be intact. */
    static Optional<Checkpoint> find(Path dir, String name) throws Exception {
        Optional<CheckpointSet> newest = new FileCheckpointStore(dir).inspect();
        if (newest.isEmpty()) {
            return Optional.empty();
        }
        for (Envelope envelope : newest.get().envelopes()) {
            if (envelope.name().equals(name)) {
                return Optional.of(envelope.decode());
            }
        }
        return Optional.empty();
    }
}
