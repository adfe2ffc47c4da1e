package dev.flux.shutdown.internal.state.file;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

import dev.flux.shutdown.internal.state.CorruptCheckpointException;
import dev.flux.shutdown.internal.state.EnvelopeFormat;
import dev.flux.shutdown.internal.state.Problems;

/**
 * Reads the per-bean files of versions before generations ({@code <dir>/<name>.json}, each replaced atomically on
 * its own), so that the first start of this version restores them and its first commit carries them into a
 * generation. A file whose envelope cannot be read does not say which bean it belonged to: it is moved aside
 * ({@code *.corrupt}) once the load has read everything, as the restore of that bean would have done.
 */
final class LegacyCheckpoints {

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown.state");

    private final Path dir;

    LegacyCheckpoints(Path dir) {
        this.dir = dir;
    }

    /**
     * What the per-bean files of an earlier version hold.
     *
     * @param usable   the usable files, by persistent name, in directory order
     * @param unusable the files that cannot be used, with why
     */
    record Found(Map<String, Path> usable, Map<Path, String> unusable) {

        /** Moves the unusable files aside, as far as it can: one that cannot be moved stays where it is. */
        void moveUnusableAside(Quarantine quarantine) {
            unusable.forEach((file, reason) -> {
                try {
                    String aside = quarantine.moveAside(file);
                    LOG.warning(() -> "FLUX-0702 Checkpoint file " + file + " of an earlier version cannot be used: "
                            + reason + "; moved aside to " + aside + "; its bean starts with fresh state");
                } catch (IOException e) {
                    LOG.warning(() -> "FLUX-0702 Checkpoint file " + file + " of an earlier version cannot be used: "
                            + reason + ", and cannot be moved aside (" + Problems.describe(e) + "); its bean starts"
                            + " with fresh state");
                }
            });
        }
    }

    /** Reads the per-bean files, changing nothing. */
    Found find() throws IOException {
        Map<String, Path> usable = new LinkedHashMap<>();
        Map<Path, String> unusable = new LinkedHashMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + CheckpointFileNames.SUFFIX)) {
            for (Path file : files) {
                if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                try {
                    String name = EnvelopeFormat.decode(DurableFiles.read(file)).name();
                    if (file.getFileName().toString().equals(CheckpointFileNames.of(name))) {
                        usable.put(name, file);
                    } else {
                        unusable.put(file, "it holds the checkpoint of '" + name + "', which belongs in another"
                                + " file");
                    }
                } catch (CorruptCheckpointException e) {
                    unusable.put(file, e.getMessage());
                } catch (IOException e) {
                    unusable.put(file, Problems.describe(e));
                }
            }
        }
        return new Found(usable, unusable);
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
