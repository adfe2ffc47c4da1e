package dev.flux.shutdown.internal.state.file;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.flux.shutdown.internal.state.CheckpointSet;
import dev.flux.shutdown.internal.state.Envelope;
import dev.flux.shutdown.internal.state.Problems;

/**
 * The committed generations of a state directory ({@code generation-<19 digits>}): their names, which exist, and
 * what one holds according to its manifest.
 */
final class Generations {

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown.state");
    private static final Pattern NAME = Pattern.compile(Pattern.quote(FileCheckpointStore.GENERATION_PREFIX)
            + "(\\d{19})");

    private final Path dir;

    Generations(Path dir) {
        this.dir = dir;
    }

    Path path(long sequence) {
        return dir.resolve(FileCheckpointStore.GENERATION_PREFIX + String.format("%019d", sequence));
    }

    /** The sequence numbers of committed generations, newest first. */
    List<Long> committed() throws IOException {
        List<Long> sequences = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, FileCheckpointStore.GENERATION_PREFIX
                + "*")) {
            for (Path entry : entries) {
                Matcher matcher = NAME.matcher(entry.getFileName().toString());
                if (matcher.matches() && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    sequences.add(Long.parseLong(matcher.group(1)));
                }
            }
        }
        sequences.sort(Comparator.reverseOrder());
        return sequences;
    }

    /** The newest committed sequence number, {@code 0} when there is none. */
    long newest() throws IOException {
        List<Long> committed = committed();
        return committed.isEmpty() ? 0 : committed.get(0);
    }

    /**
     * The set that generation {@code sequence} holds, noting in {@code where} the file of each envelope. A file
     * listed in the manifest but missing was moved aside earlier: its bean is left out. A file that does not match
     * the manifest is returned as unusable.
     *
     * @throws IOException if the manifest cannot be read or is not this generation's
     */
    CheckpointSet read(long sequence, Map<String, Path> where) throws IOException {
        Path generation = path(sequence);
        GenerationManifest manifest = GenerationManifest.decode(DurableFiles.read(generation.resolve(
                GenerationManifest.FILE_NAME)));
        if (manifest.sequence() != sequence) {
            throw new IOException("its manifest names generation " + manifest.sequence());
        }
        List<Envelope> envelopes = new ArrayList<>();
        for (GenerationManifest.Entry entry : manifest.entries()) {
            Path file = generation.resolve(entry.file());
            byte[] bytes;
            try {
                bytes = DurableFiles.read(file);
            } catch (NoSuchFileException e) {
                LOG.fine(() -> "FLUX-0706 Checkpoint of '" + entry.name() + "' in " + generation + " was moved aside"
                        + " earlier; the bean starts with fresh state");
                continue;
            } catch (IOException e) {
                envelopes.add(Envelope.unusable(entry.name(), new byte[0], Problems.describe(e)));
                where.put(entry.name(), file);
                continue;
            }
            where.put(entry.name(), file);
            envelopes.add(entry.matches(bytes) ? Envelope.stored(entry.name(), bytes)
                    : Envelope.unusable(entry.name(), bytes, "the file does not match the SHA-256 in its"
                            + " generation's manifest"));
        }
        return new CheckpointSet(sequence, envelopes);
    }

    /** Deletes committed generations older than {@code newest}: a crash may have kept them after a commit. */
    void removeOlderThan(long newest) throws IOException {
        for (long sequence : committed()) {
            if (sequence < newest) {
                DurableFiles.deleteTree(path(sequence));
            }
        }
    }
}
