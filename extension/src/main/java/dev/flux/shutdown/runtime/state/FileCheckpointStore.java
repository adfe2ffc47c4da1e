package dev.flux.shutdown.runtime.state;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps each checkpoint in its own file of one directory, replaced atomically: the new envelope is written to a
 * temporary file in the same directory and forced to disk, renamed over the old checkpoint, and the directory is
 * forced too, so that after a crash or power loss the file holds the previous or the new checkpoint, never a
 * mixture. Files are owner-only (0600) and a directory this store creates is too (0700), where the file system has
 * POSIX permissions. A symbolic link in place of a checkpoint is never followed.
 */
public final class FileCheckpointStore implements CheckpointStore {

    /** The suffix of a checkpoint moved aside because it could not be used. */
    public static final String CORRUPT_SUFFIX = ".corrupt";

    /** The suffix of a file being written; such a file is never read as a checkpoint. */
    public static final String TEMP_SUFFIX = ".tmp";

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown.state");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final DateTimeFormatter QUARANTINE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS");

    private final Path dir;
    private final boolean posix;
    private final SecureRandom random = new SecureRandom();

    /** A store in {@code dir}, relative to the working directory unless absolute; nothing is touched yet. */
    public FileCheckpointStore(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        this.posix = this.dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    public Path dir() {
        return dir;
    }

    /** The file that holds the checkpoint of {@code name}; always directly inside {@link #dir()}. */
    public Path path(String name) {
        Path file = dir.resolve(CheckpointFileNames.of(name));
        if (!dir.equals(file.getParent())) {
            throw new IllegalStateException("checkpoint name '" + name + "' escapes " + dir);
        }
        return file;
    }

    /**
     * Creates the directory (0700) if it is missing, checks that it is a directory where files can be created,
     * warns if others may write to it, and removes temporary files that a crash left behind. A directory is meant
     * for one process: two running processes would overwrite each other's checkpoints.
     */
    @Override
    public void prepare() throws IOException {
        if (!Files.exists(dir)) {
            try {
                Files.createDirectories(dir, ownerOnly(OWNER_ONLY_DIR));
            } catch (IOException e) {
                throw new IOException("it does not exist and cannot be created (" + Problems.describe(e) + ")", e);
            }
        }
        if (!Files.isDirectory(dir)) {
            throw new IOException("it is not a directory");
        }
        try {
            Path probe = Files.createTempFile(dir, ".flux-probe-", TEMP_SUFFIX, ownerOnly(OWNER_ONLY_FILE));
            Files.delete(probe);
        } catch (IOException e) {
            throw new IOException("files cannot be created in it (" + Problems.describe(e) + ")", e);
        }
        warnIfOthersMayWrite();
        removeLeftovers();
    }

    @Override
    public long write(Checkpoint checkpoint) throws IOException {
        byte[] envelope = EnvelopeFormat.encode(checkpoint);
        Path target = path(checkpoint.name());
        Path temp = dir.resolve(target.getFileName() + "." + token() + TEMP_SUFFIX);
        try {
            Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try (FileChannel channel = FileChannel.open(temp, options, ownerOnly(OWNER_ONLY_FILE))) {
                ByteBuffer buffer = ByteBuffer.wrap(envelope);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (Files.isSymbolicLink(target)) {
                // rename(2) would replace the link and not follow it; moving it aside keeps the evidence
                String aside = quarantine(checkpoint.name());
                LOG.warning(() -> "FLUX-0407 " + target + " was a symbolic link; it was not followed and was moved"
                        + " to " + aside);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        forceDirectory();
        return envelope.length;
    }

    @Override
    public Optional<Checkpoint> read(String name) throws IOException, CorruptCheckpointException {
        Path file = path(name);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (attributes.isSymbolicLink()) {
            throw new CorruptCheckpointException("it is a symbolic link, which is never followed");
        }
        if (!attributes.isRegularFile()) {
            throw new CorruptCheckpointException("it is not a regular file");
        }
        byte[] bytes;
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ,
                LinkOption.NOFOLLOW_LINKS); InputStream in = Channels.newInputStream(channel)) {
            bytes = in.readAllBytes();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        Checkpoint checkpoint = EnvelopeFormat.decode(bytes);
        if (!checkpoint.name().equals(name)) {
            throw new CorruptCheckpointException("it was written for the name '" + checkpoint.name() + "'");
        }
        return Optional.of(checkpoint);
    }

    /** Renames the checkpoint file to {@code <file>.corrupt}, or {@code <file>.corrupt-<time>} if that exists. */
    @Override
    public String quarantine(String name) throws IOException {
        Path file = path(name);
        Path aside = dir.resolve(file.getFileName() + CORRUPT_SUFFIX);
        for (int attempt = 0;; attempt++) {
            try {
                // without REPLACE_EXISTING: never overwrites an earlier quarantined file; a link is moved, not followed
                Files.move(file, aside);
                break;
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
                String suffix = CORRUPT_SUFFIX + "-" + LocalDateTime.now().format(QUARANTINE_TIME)
                        + (attempt == 0 ? "" : "-" + attempt);
                aside = dir.resolve(file.getFileName() + suffix);
            }
        }
        forceDirectory();
        return aside.toString();
    }

    /** Makes the rename durable; some platforms (Windows) cannot open a directory, and then rename is enough. */
    private void forceDirectory() {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.log(Level.FINE, e, () -> "FLUX-0411 Cannot force directory " + dir + " to disk on this platform");
        }
    }

    private void warnIfOthersMayWrite() throws IOException {
        if (!posix) {
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

    private void removeLeftovers() throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(dir, "*" + TEMP_SUFFIX)) {
            for (Path leftover : leftovers) {
                if (Files.isRegularFile(leftover, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(leftover);
                    LOG.fine(() -> "FLUX-0408 Removed " + leftover + ", left behind by an interrupted checkpoint");
                }
            }
        }
    }

    private FileAttribute<?>[] ownerOnly(Set<PosixFilePermission> permissions) {
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }

    private String token() {
        byte[] bytes = new byte[6];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public String toString() {
        return "files in " + dir;
    }
}
