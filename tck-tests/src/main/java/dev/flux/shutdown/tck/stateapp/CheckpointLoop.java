package dev.flux.shutdown.tck.stateapp;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import dev.flux.shutdown.runtime.state.Checkpoint;
import dev.flux.shutdown.runtime.state.CorruptCheckpointException;
import dev.flux.shutdown.runtime.state.FileCheckpointStore;
import dev.flux.shutdown.runtime.state.PersistentType;
import dev.flux.shutdown.runtime.state.StateCodec;

/**
 * The child of the crash test: restores a counter per name from the library's file store, prints
 * {@code restored <name> <value>} (or {@code fresh <name>}), then checkpoints increasing values round-robin as
 * fast as it can through the same store and codec as the library, printing {@code written <name> <value>} after
 * each completed write, until it is killed. Usage: {@code CheckpointLoop <dir> <name>...}.
 * <p>
 * It never outlives its parent: it stops when its standard input closes, and after two minutes in any case.
 */
public final class CheckpointLoop {

    private static final long MAX_RUN_NANOS = TimeUnit.MINUTES.toNanos(2);

    private CheckpointLoop() {
    }

    public static void main(String[] args) throws Exception {
        FileCheckpointStore store = new FileCheckpointStore(Path.of(args[0]));
        List<String> names = Arrays.asList(args).subList(1, args.length);
        StateCodec codec = new StateCodec();
        stopWhenParentGoes();
        store.prepare();

        Map<String, Long> values = new LinkedHashMap<>();
        for (String name : names) {
            values.put(name, restore(store, codec, name));
        }
        long deadline = System.nanoTime() + MAX_RUN_NANOS;
        while (System.nanoTime() < deadline) {
            for (String name : names) {
                long value = values.merge(name, 1L, Long::sum);
                CounterState state = new CounterState(value);
                store.write(Checkpoint.of(new PersistentType(name, CounterState.class), Instant.now(),
                        codec.capture(state, CounterState.class)));
                System.out.println("written " + name + " " + value);
            }
        }
        System.exit(4);
    }

    private static long restore(FileCheckpointStore store, StateCodec codec, String name) throws Exception {
        Optional<Checkpoint> checkpoint;
        try {
            checkpoint = store.read(name);
        } catch (CorruptCheckpointException e) {
            System.out.println("corrupt " + name + " " + e.getMessage());
            System.exit(3);
            throw e;
        }
        if (checkpoint.isEmpty()) {
            System.out.println("fresh " + name);
            return 0;
        }
        CounterState state = new CounterState();
        codec.apply(checkpoint.get().state(), state, CounterState.class);
        if (!state.consistent()) {
            System.out.println("corrupt " + name + " payload does not match value " + state.value());
            System.exit(3);
        }
        System.out.println("restored " + name + " " + state.value());
        return state.value();
    }

    private static void stopWhenParentGoes() {
        Thread watcher = new Thread(() -> {
            awaitEndOfInput();
            Runtime.getRuntime().halt(5);
        }, "parent-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Returns when standard input ends (the parent writes nothing to it, so this means it is gone). */
    private static void awaitEndOfInput() {
        try {
            while (System.in.read() != -1) {
                continue;
            }
        } catch (IOException e) {
            System.out.println("parent-watcher: standard input failed (" + e + "), stopping");
        }
    }
}
