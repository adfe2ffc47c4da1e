package dev.flux.shutdown.runtime.state.file;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

import dev.flux.shutdown.runtime.state.CorruptCheckpointException;
import dev.flux.shutdown.runtime.state.EnvelopeFormat;
import dev.flux.shutdown.runtime.state.Problems;

/**
 * Reads the per-bean files of versions before generations ({@code <dir>/<name>.json}, each replaced atomically on
 * its own), so that the first start of this version restores them and its first commit carries them into a
 * generation. A file whose envelope cannot be read does not say which bean it belonged to: it is moved aside at
 * once ({@code *.corrupt}), as the restore of that bean would have done.
 */
final class LegacyCheckpoints {

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown.state");

    private final Path dir;
    private final Quarantine quarantine;

    LegacyCheckpoints(Path dir, Quarantine quarantine) {
        this.dir = dir;
        this.quarantine = quarantine;
    }

    /** The usable per-bean files, by persistent name, in directory order; unusable ones are moved aside. */
    Map<String, Path> find() throws IOException {
        Map<String, Path> found = new LinkedHashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + CheckpointFileNames.SUFFIX)) {
            for (Path file : files) {
                if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                String problem;
                try {
                    String name = EnvelopeFormat.decode(DurableFiles.read(file)).name();
                    if (file.getFileName().toString().equals(CheckpointFileNames.of(name))) {
                        found.put(name, file);
                        continue;
                    }
                    problem = "it holds the checkpoint of '" + name + "', which belongs in another file";
                } catch (CorruptCheckpointException e) {
                    problem = e.getMessage();
                } catch (IOException e) {
                    problem = Problems.describe(e);
                }
                String reason = problem;
                String aside = quarantine.moveAside(file);
                LOG.warning(() -> "FLUX-0702 Checkpoint file " + file + " of an earlier version cannot be used: "
                        + reason + "; moved aside to " + aside + "; its bean starts with fresh state");
            }
        }
        return found;
    }

    /**
     * The per-bean files in {@code dir} when a generation exists already: a crash after the generation that carried
     * them kept them; they are deleted, not read again.
     */
    static Map<String, Path> leftovers(Path dir) throws IOException {
        Map<String, Path> leftovers = new LinkedHashMap<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(dir, "*" + CheckpointFileNames.SUFFIX)) {
            for (Path file : found) {
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    leftovers.put(file.getFileName().toString(), file);
                }
            }
        }
        return leftovers;
    }

    /** Deletes the per-bean files that a committed generation now carries. */
    static void remove(Map<String, Path> carried, long sequence) throws IOException {
        for (Path file : carried.values()) {
            if (Files.deleteIfExists(file)) {
                LOG.fine(() -> "FLUX-0705 Removed " + file + ", carried into checkpoint generation " + sequence);
            }
        }
    }
}
