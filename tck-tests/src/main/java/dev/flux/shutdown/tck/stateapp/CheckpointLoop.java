package dev.flux.shutdown.tck.stateapp;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import dev.flux.shutdown.internal.state.Checkpoint;
import dev.flux.shutdown.internal.state.CheckpointSet;
import dev.flux.shutdown.internal.state.CorruptCheckpointException;
import dev.flux.shutdown.internal.state.Envelope;
import dev.flux.shutdown.internal.state.PersistentType;
import dev.flux.shutdown.internal.state.StateCodec;
import dev.flux.shutdown.internal.state.file.FileCheckpointStore;

/**
 * The child of the store-level crash test: loads the newest set from the library's file store, prints
 * {@code restored <sequence> <value>} (every name must hold the same value) or {@code fresh}, then commits sets as
 * fast as it can through the same store and codec as the library, every name holding the same increasing value,
 * printing {@code committed <sequence> <value>} after each commit, until it is killed. Usage:
 * {@code CheckpointLoop <dir> <name>...}.
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

        long value = restore(store, codec, names);
        long deadline = System.nanoTime() + MAX_RUN_NANOS;
        while (System.nanoTime() < deadline) {
            value++;
            List<Envelope> set = new ArrayList<>();
            for (String name : names) {
                set.add(Envelope.of(Checkpoint.of(new PersistentType(name, CounterState.class), Instant.now(),
                        codec.capture(new CounterState(value), CounterState.class))));
            }
            long sequence = store.commit(set);
            System.out.println("committed " + sequence + " " + value);
        }
        System.exit(4);
    }

    private static long restore(FileCheckpointStore store, StateCodec codec, List<String> names) throws Exception {
        Optional<CheckpointSet> set = store.load();
        if (set.isEmpty()) {
            System.out.println("fresh");
            return 0;
        }
        Map<String, Long> values = new TreeMap<>();
        for (Envelope envelope : set.get().envelopes()) {
            try {
                CounterState state = new CounterState();
                codec.apply(envelope.decode().state(), state, CounterState.class);
                if (!state.consistent()) {
                    throw new CorruptCheckpointException("payload does not match value " + state.value());
                }
                values.put(envelope.name(), state.value());
            } catch (CorruptCheckpointException e) {
                System.out.println("corrupt " + envelope.name() + " " + e.getMessage());
                System.exit(3);
            }
        }
        if (!values.keySet().equals(new TreeSet<>(names)) || values.values().stream().distinct().count() != 1) {
            System.out.println("mixed set " + set.get().sequence() + " " + values);
            System.exit(3);
        }
        long value = values.values().iterator().next();
        System.out.println("restored " + set.get().sequence() + " " + value);
        return value;
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
