package dev.flux.shutdown.runtime.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.flux.shutdown.runtime.state.Samples.Counter;

class FileCheckpointStoreTest {

    @TempDir
    Path temp;

    private final StateCodec codec = new StateCodec();

    private Checkpoint counter(String name, long count) throws IOException {
        return Checkpoint.of(new PersistentType(name, Counter.class), Instant.now(),
                codec.capture(new Counter(count), Counter.class));
    }

    private FileCheckpointStore preparedStore() throws IOException {
        FileCheckpointStore store = new FileCheckpointStore(temp.resolve("state"));
        store.prepare();
        return store;
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writtenCheckpointReadsBack() throws Exception {
        FileCheckpointStore store = preparedStore();
        Checkpoint checkpoint = counter("orders", 42);

        long bytes = store.write(checkpoint);

        assertThat(store.read("orders")).contains(checkpoint);
        assertThat(bytes).isEqualTo(Files.size(store.path("orders")));
    }

    @Test
    void missingCheckpointIsAFirstStart() throws Exception {
        assertThat(preparedStore().read("never-written")).isEmpty();
    }

    @Test
    void writeReplacesThePreviousCheckpointAndLeavesNoTemporaryFile() throws Exception {
        FileCheckpointStore store = preparedStore();
        store.write(counter("orders", 1));

        store.write(counter("orders", 2));

        assertThat(fileNames(store.dir())).containsExactly("orders.json");
        assertThat(codec.capture(new Counter(2), Counter.class)).isEqualTo(store.read("orders").orElseThrow().state());
    }

    @Test
    void createdDirectoryAndFilesAreOwnerOnly() throws Exception {
        assumeTrue(temp.getFileSystem().supportedFileAttributeViews().contains("posix"));
        FileCheckpointStore store = preparedStore();

        store.write(counter("orders", 1));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.dir()))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.path("orders"))))
                .isEqualTo("rw-------");
    }

    @Test
    void pathLikeNamesStayInsideTheDirectory() throws Exception {
        FileCheckpointStore store = preparedStore();
        List<String> names = List.of("../../etc/x", "/etc/passwd", "..", ".", "a/b", "a\\b", "C:\\x", "~", " ",
                ".hidden", "x".repeat(500), "nul\u0000byte", "é");

        for (String name : names) {
            store.write(counter(name, 1));
            assertThat(store.path(name).getParent()).as(name).isEqualTo(store.dir());
            assertThat(store.read(name)).as(name).isPresent();
        }

        assertThat(fileNames(store.dir())).hasSize(names.size()).allSatisfy(file -> {
            assertThat(file).endsWith(".json").doesNotStartWith(".").doesNotContain("/", "\\");
        });
        assertThat(fileNames(temp)).containsExactly("state");
    }

    @Test
    void namesThatSanitizeAlikeGetDifferentFiles() {
        assertThat(CheckpointFileNames.of("a/b")).isNotEqualTo(CheckpointFileNames.of("a_b"))
                .isNotEqualTo(CheckpointFileNames.of("a:b"));
        assertThat(CheckpointFileNames.of("com.acme.Orders")).isEqualTo("com.acme.Orders.json");
    }

    @Test
    void symlinkInPlaceOfACheckpointIsNotFollowedWhenRead() throws Exception {
        FileCheckpointStore store = preparedStore();
        Path elsewhere = temp.resolve("elsewhere.json");
        Files.write(elsewhere, EnvelopeFormat.encode(counter("orders", 7)));
        Files.createSymbolicLink(store.path("orders"), elsewhere);

        assertThatThrownBy(() -> store.read("orders")).isInstanceOf(CorruptCheckpointException.class)
                .hasMessageContaining("symbolic link");
    }

    @Test
    void symlinkInPlaceOfACheckpointIsMovedAsideWhenWritten() throws Exception {
        FileCheckpointStore store = preparedStore();
        Path elsewhere = temp.resolve("elsewhere.txt");
        Files.writeString(elsewhere, "not yours");
        Files.createSymbolicLink(store.path("orders"), elsewhere);

        store.write(counter("orders", 1));

        assertThat(Files.readString(elsewhere)).isEqualTo("not yours");
        assertThat(Files.isRegularFile(store.path("orders"), LinkOption.NOFOLLOW_LINKS)).isTrue();
        assertThat(Files.isSymbolicLink(store.dir().resolve("orders.json.corrupt"))).isTrue();
    }

    @Test
    void quarantineNeverOverwritesAnEarlierOne() throws Exception {
        FileCheckpointStore store = preparedStore();
        Files.writeString(store.path("orders"), "first");
        store.quarantine("orders");
        Files.writeString(store.path("orders"), "second");

        String second = store.quarantine("orders");

        assertThat(Files.readString(store.dir().resolve("orders.json.corrupt"))).isEqualTo("first");
        assertThat(Path.of(second).getFileName().toString()).startsWith("orders.json.corrupt-");
        assertThat(Files.readString(Path.of(second))).isEqualTo("second");
        assertThat(store.path("orders")).doesNotExist();
    }

    @Test
    void leftoverTemporaryFileIsNeverReadAndIsRemovedAtStartup() throws Exception {
        FileCheckpointStore store = preparedStore();
        Path leftover = store.dir().resolve("orders.json.0123456789ab.tmp");
        Files.write(leftover, EnvelopeFormat.encode(counter("orders", 9)));

        assertThat(store.read("orders")).isEmpty();
        store.prepare();

        assertThat(leftover).doesNotExist();
    }

    @Test
    void garbageIsCorrupt() throws Exception {
        FileCheckpointStore store = preparedStore();
        Files.writeString(store.path("orders"), "{ not json", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> store.read("orders")).isInstanceOf(CorruptCheckpointException.class)
                .hasMessageContaining("not a complete JSON document");
    }

    @Test
    void checkpointOfAnotherNameIsCorrupt() throws Exception {
        FileCheckpointStore store = preparedStore();
        Files.write(store.path("orders"), EnvelopeFormat.encode(counter("payments", 1)));

        assertThatThrownBy(() -> store.read("orders")).isInstanceOf(CorruptCheckpointException.class)
                .hasMessageContaining("payments");
    }

    @Test
    void prepareFailsWhenTheDirectoryIsAFile() throws Exception {
        Path file = Files.writeString(temp.resolve("file"), "x");

        assertThatThrownBy(() -> new FileCheckpointStore(file).prepare()).isInstanceOf(IOException.class)
                .hasMessageContaining("not a directory");
        assertThatThrownBy(() -> new FileCheckpointStore(file.resolve("state")).prepare())
                .isInstanceOf(IOException.class).hasMessageContaining("cannot be created");
    }
}
