package dev.flux.shutdown.internal.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.flux.shutdown.internal.state.file.FileCheckpointStore;

/**
 * The cost of one checkpoint of 1, 10 and 100 beans in the file store, against the floor of the same bytes: the
 * library's whole path ({@code checkpoint}: capture every bean under the state lock, encode the envelopes, write a
 * generation with its manifest, fsync each file and the directories, rename it into place, delete the previous one)
 * and {@code rawFloor}: the same N envelopes' bytes written over N existing files, each forced to disk, nothing
 * else. Both run in one JVM on one file system: {@code -Dflux.bench.dir} (default {@code checkpoint-bench} in the
 * working directory; not a tmpfs, where fsync costs nothing).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class CheckpointBenchmark {

    /** What a typical small bean holds: a counter, a name, and a map of ten entries. */
    public static final class Bean {
        long counter = 42;
        String name = "orders";
        Map<String, Long> totals = new LinkedHashMap<>();

        Bean(int seed) {
            for (int i = 0; i < 10; i++) {
                totals.put("customer-" + seed + "-" + i, (long) seed * 1000 + i);
            }
        }
    }

    @Param({"1", "10", "100"})
    public int beans;

    private Path root;
    private List<PersistentInstance> instances;
    private CheckpointWriter writer;
    private List<byte[]> envelopes;
    private List<Path> floorFiles;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path parent = Path.of(System.getProperty("flux.bench.dir", "checkpoint-bench")).toAbsolutePath();
        Files.createDirectories(parent);
        root = Files.createTempDirectory(parent, "run-");
        instances = new ArrayList<>();
        for (int i = 0; i < beans; i++) {
            instances.add(new PersistentInstance(new PersistentType("bean-" + i, Bean.class), new Bean(i)));
        }
        FileCheckpointStore store = new FileCheckpointStore(root.resolve("store"));
        store.prepare();
        StateCodec codec = new StateCodec();
        writer = new CheckpointWriter(store, codec, Clock.systemUTC(), new LatestCheckpoints(), new StateLock());
        envelopes = new ArrayList<>();
        floorFiles = new ArrayList<>();
        Path floor = Files.createDirectory(root.resolve("floor"));
        for (PersistentInstance instance : instances) {
            byte[] bytes = Envelope.of(Checkpoint.of(instance.type(), Clock.systemUTC().instant(),
                    codec.capture(instance.target(), Bean.class))).bytes();
            envelopes.add(bytes);
            floorFiles.add(Files.write(floor.resolve(instance.type().name() + ".json"), bytes));
        }
    }

    @Benchmark
    public long checkpoint() {
        CommitOutcome outcome = writer.commitPeriodic(() -> instances);
        if (outcome.problem().isPresent()) {
            throw new IllegalStateException(outcome.problem().get());
        }
        return outcome.sequence().getAsLong();
    }

    @Benchmark
    public long rawFloor() throws IOException {
        long written = 0;
        for (int i = 0; i < beans; i++) {
            try (FileChannel channel = FileChannel.open(floorFiles.get(i), StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(envelopes.get(i));
                while (buffer.hasRemaining()) {
                    written += channel.write(buffer);
                }
                channel.force(true);
            }
        }
        return written;
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
