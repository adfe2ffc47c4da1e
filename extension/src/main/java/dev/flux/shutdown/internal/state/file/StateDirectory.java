package dev.flux.shutdown.internal.state.file;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.flux.shutdown.internal.state.Problems;

/** The state directory as start-up finds it: created if missing, checked, and rid of interrupted commits. */
final class StateDirectory {

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown.state");

    private final Path dir;
    private final DurableFiles files;

    StateDirectory(Path dir, DurableFiles files) {
        this.dir = dir;
        this.files = files;
    }

    /**
     * Creates the directory if it is missing, checks that files can be created in it, and warns if others may
     * write to it.
     *
     * @throws IOException saying what is wrong
     */
    void check() throws IOException {
        if (!Files.exists(dir)) {
            try {
                files.createDirectories(dir);
            } catch (IOException e) {
                throw new IOException("it does not exist and cannot be created (" + Problems.describe(e) + ")", e);
            }
        }
        if (!Files.isDirectory(dir)) {
            throw new IOException("it is not a directory");
        }
        try {
            Files.delete(files.createProbe(dir));
        } catch (IOException e) {
            throw new IOException("files cannot be created in it (" + Problems.describe(e) + ")", e);
        }
        warnIfOthersMayWrite();
    }

    /** Removes what interrupted commits left; what cannot be removed now is never read, and the next start tries. */
    void removeDebris() {
        try (DirectoryStream<Path> debris = Files.newDirectoryStream(dir, "*" + FileCheckpointStore.TEMP_SUFFIX)) {
            for (Path leftover : debris) {
                DurableFiles.deleteTree(leftover);
                LOG.fine(() -> "FLUX-0704 Removed " + leftover + ", left behind by an interrupted checkpoint");
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, e, () -> "FLUX-0704 What interrupted checkpoints left in " + dir + " could not all"
                    + " be removed yet; the next start removes it");
        }
    }

    private void warnIfOthersMayWrite() throws IOException {
        if (!files.posix()) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(dir);
        if (permissions.contains(PosixFilePermission.GROUP_WRITE)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
            LOG.warning(() -> "FLUX-0406 State directory " + dir + " is writable by others ("
                    + PosixFilePermissions.toString(permissions) + "); checkpoints are owner-only, but others could"
                    + " replace them: chmod 700 it");
        }
    }
}
