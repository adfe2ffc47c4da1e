package dev.flux.shutdown.internal.state.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.flux.shutdown.internal.state.Checkpoint;
import dev.flux.shutdown.internal.state.CheckpointSet;
import dev.flux.shutdown.internal.state.Envelope;
import dev.flux.shutdown.internal.state.EnvelopeFormat;
import dev.flux.shutdown.internal.state.PersistentType;
import dev.flux.shutdown.internal.state.StateCodec;

class FileCheckpointStoreTest {

    @TempDir
    Path temp;

    private Path dir() {
        return temp.resolve("state");
    }

    private FileCheckpointStore preparedStore() throws IOException {
        FileCheckpointStore store = new FileCheckpointStore(dir());
        store.prepare();
        return store;
    }

    /** What the next start finds: a new store on the same directory, prepared and loaded. */
    private CheckpointSet nextStart() throws IOException {
        return preparedStore().load().orElseThrow();
    }

    private static Envelope envelope(String name, String text) {
        return Envelope.stored(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> texts(CheckpointSet set) {
        Map<String, String> texts = new TreeMap<>();
        set.envelopes().forEach(e -> texts.put(e.name(), new String(e.bytes(), StandardCharsets.UTF_8)
                + e.problem().map(p -> " / " + p).orElse("")));
        return texts;
    }

    private static List<String> fileNames(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void committedSetLoadsBackWholeAtTheNextStart() throws Exception {
        long sequence = preparedStore().commit(List.of(envelope("a", "1"), envelope("b", "2"), envelope("c", "3")));

        CheckpointSet set = nextStart();

        assertThat(set.sequence()).isEqualTo(sequence).isEqualTo(1);
        assertThat(texts(set)).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"), Map.entry("c", "3"));
    }

    @Test
    void eachCommitIsANewGenerationThatReplacesThePreviousOneAndNumbersKeepGrowingAcrossStarts() throws Exception {
        FileCheckpointStore store = preparedStore();
        store.commit(List.of(envelope("a", "1")));
        store.commit(List.of(envelope("a", "2")));

        FileCheckpointStore next = preparedStore();
        assertThat(next.load().orElseThrow().sequence()).isEqualTo(2);
        assertThat(next.commit(List.of(envelope("a", "3")))).isEqualTo(3);

        assertThat(fileNames(dir())).containsExactly("generation-0000000000000000003");
        assertThat(fileNames(next.generation(3))).containsExactly("MANIFEST", "a.json");
        assertThat(texts(nextStart())).containsExactly(Map.entry("a", "3"));
    }

    @Test
    void failedCommitLeavesThePreviousSetIntactAndNothingBehind() throws Exception {
        FileCheckpointStore store = preparedStore();
        store.commit(List.of(envelope("a", "1"), envelope("b", "2")));

        // two envelopes for one file: the second cannot be created, half-way through the new generation
        assertThatThrownBy(() -> store.commit(List.of(envelope("a", "3"), envelope("a", "4"))))
                .isInstanceOf(FileAlreadyExistsException.class);

        assertThat(fileNames(dir())).containsExactly("generation-0000000000000000001");
        assertThat(texts(nextStart())).containsExactly(Map.entry("a", "1"), Map.entry("b", "2"));
        assertThat(store.commit(List.of(envelope("a", "5")))).isEqualTo(2);
    }

    @Test
    void generationInterruptedBeforeItsRenameIsNeverLoadedAndIsRemovedAtStart() throws Exception {
        preparedStore().commit(List.of(envelope("a", "1")));
        Path interrupted = Files.createDirectory(dir().resolve(".generation-2.0123456789ab.tmp"));
        Files.writeString(interrupted.resolve("a.json"), "2");
        Path stray = Files.writeString(dir().resolve(".flux-probe-1.tmp"), "");

        assertThat(texts(nextStart())).containsExactly(Map.entry("a", "1"));
        assertThat(interrupted).doesNotExist();
        assertThat(stray).doesNotExist();
    }

    @Test
    void previousGenerationLeftByACrashAfterTheCommitIsRemovedAtStart() throws Exception {
        FileCheckpointStore store = twoGenerationsLeftByACrash();

        assertThat(texts(nextStart())).containsExactly(Map.entry("a", "2"));
        assertThat(store.generation(1)).doesNotExist();
    }

    @Test
    void generationWithADamagedManifestIsMovedAsideAndTheOneBeforeItIsUsed() throws Exception {
        FileCheckpointStore store = twoGenerationsLeftByACrash();
        Files.writeString(store.generation(2).resolve("MANIFEST"), "{ damaged");

        CheckpointSet set = nextStart();

        assertThat(set.sequence()).isEqualTo(1);
        assertThat(texts(set)).containsExactly(Map.entry("a", "1"));
        assertThat(dir().resolve("generation-0000000000000000002.corrupt")).isDirectory();
    }

    @Test
    void fileThatDoesNotMatchItsManifestIsUnusableAloneAndTheOthersLoad() throws Exception {
        FileCheckpointStore store = preparedStore();
        store.commit(List.of(envelope("a", "1"), envelope("b", "2")));
        Files.writeString(store.generation(1).resolve("b.json"), "9");

        assertThat(texts(nextStart())).containsExactly(Map.entry("a", "1"),
                Map.entry("b", "9 / the file does not match the SHA-256 in its generation's manifest"));
    }

    @Test
    void quarantineMovesOneFileAsideNeverOverwritingAnEarlierOneAndTheNextStartLacksOnlyIt() throws Exception {
        Files.createDirectories(dir());
        Files.writeString(dir().resolve("a.json.corrupt"), "earlier");
        FileCheckpointStore store = preparedStore();
        store.commit(List.of(envelope("a", "1"), envelope("b", "2")));

        String aside = store.quarantine("a");

        assertThat(Path.of(aside).getFileName().toString()).startsWith("a.json.corrupt-");
        assertThat(Files.readString(Path.of(aside))).isEqualTo("1");
        assertThat(Files.readString(dir().resolve("a.json.corrupt"))).isEqualTo("earlier");
        assertThat(texts(nextStart())).containsExactly(Map.entry("b", "2"));
    }

    @Test
    void createdDirectoriesAndFilesAreOwnerOnly() throws Exception {
        assumeTrue(temp.getFileSystem().supportedFileAttributeViews().contains("posix"));
        FileCheckpointStore store = preparedStore();

        store.commit(List.of(envelope("a", "1")));

        assertThat(permissions(dir())).isEqualTo("rwx------");
        assertThat(permissions(store.generation(1))).isEqualTo("rwx------");
        assertThat(permissions(store.generation(1).resolve("a.json"))).isEqualTo("rw-------");
        assertThat(permissions(store.generation(1).resolve("MANIFEST"))).isEqualTo("rw-------");
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void pathLikeNamesStayInsideTheGeneration() throws Exception {
        FileCheckpointStore store = preparedStore();
        List<String> names = List.of("../../etc/x", "/etc/passwd", "..", ".", "a/b", "a\\b", "C:\\x", "~", " ",
                ".hidden", "x".repeat(500), "nul\u0000byte", "é", "manifest");

        store.commit(names.stream().map(name -> envelope(name, name)).toList());

        assertThat(texts(nextStart())).hasSize(names.size()).allSatisfy((name, text) -> assertThat(text)
                .isEqualTo(name));
        assertThat(fileNames(store.generation(1))).hasSize(names.size() + 1).filteredOn(f -> !f.equals("MANIFEST"))
                .allSatisfy(file -> assertThat(file).endsWith(".json").doesNotStartWith(".").doesNotContain("/", "\\"));
        assertThat(fileNames(temp)).containsExactly("state");
    }

    @Test
    void namesThatSanitizeAlikeGetDifferentFiles() {
        assertThat(CheckpointFileNames.of("a/b")).isNotEqualTo(CheckpointFileNames.of("a_b"))
                .isNotEqualTo(CheckpointFileNames.of("a:b"));
        assertThat(CheckpointFileNames.of("com.acme.Orders")).isEqualTo("com.acme.Orders.json");
    }

    @Test
    void perBeanFilesOfAnEarlierVersionAreReadOnceAndCarriedIntoTheFirstGeneration() throws Exception {
        Files.createDirectories(dir());
        byte[] orders = EnvelopeFormat.encode(Checkpoint.of(new PersistentType("orders", Map.class), Instant.now(),
                new StateCodec().capture(Map.of("count", 5), Map.class)));
        Files.write(dir().resolve("orders.json"), orders);
        Files.writeString(dir().resolve("broken.json"), "{ not json");
        FileCheckpointStore store = preparedStore();

        CheckpointSet migrated = store.load().orElseThrow();

        assertThat(migrated.sequence()).isZero();
        assertThat(migrated.envelopes()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("orders");
            assertThat(e.bytes()).isEqualTo(orders);
        });
        assertThat(Files.readString(dir().resolve("broken.json.corrupt"))).isEqualTo("{ not json");

        assertThat(store.commit(migrated.envelopes())).isEqualTo(1);

        assertThat(fileNames(dir())).containsExactly("broken.json.corrupt", "generation-0000000000000000001");
        assertThat(nextStart().envelopes()).singleElement().satisfies(e -> assertThat(e.bytes()).isEqualTo(orders));
    }

    @Test
    void perBeanFilesThatACrashKeptAfterTheirMigrationAreRemovedNotReadAgain() throws Exception {
        preparedStore().commit(List.of(envelope("orders", "carried")));
        Path kept = Files.writeString(dir().resolve("orders.json"), "older");

        assertThat(texts(nextStart())).containsExactly(Map.entry("orders", "carried"));
        assertThat(kept).doesNotExist();
    }

    @Test
    void prepareFailsWhenTheDirectoryIsAFile() throws Exception {
        Path file = Files.writeString(temp.resolve("file"), "x");

        assertThatThrownBy(() -> new FileCheckpointStore(file).prepare()).isInstanceOf(IOException.class)
                .hasMessageContaining("not a directory");
        assertThatThrownBy(() -> new FileCheckpointStore(file.resolve("state")).prepare())
                .isInstanceOf(IOException.class).hasMessageContaining("cannot be created");
    }

    /**
     * Generations 1 and 2 both in place, as a crash between committing 2 and removing 1 leaves them: 1 is moved out
     * of the way while 2 is committed (which would remove it), then put back.
     */
    private FileCheckpointStore twoGenerationsLeftByACrash() throws Exception {
        FileCheckpointStore store = preparedStore();
        store.commit(List.of(envelope("a", "1")));
        Path kept = temp.resolve("kept");
        Files.move(store.generation(1), kept);
        store.commit(List.of(envelope("a", "2")));
        Files.move(kept, store.generation(1));
        return store;
    }
}
