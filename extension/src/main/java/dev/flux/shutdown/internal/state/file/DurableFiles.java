package dev.flux.shutdown.internal.state.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The file operations the file store is built from, each durable and owner-only: new files are created (never
 * opened if they exist), written completely and forced to disk; directories are forced after a rename; nothing is
 * ever read or deleted through a symbolic link.
 */
final class DurableFiles {

    private static final Logger LOG = Logger.getLogger("dev.flux.shutdown.state");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private final boolean posix;

    DurableFiles(Path dir) {
        this.posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    boolean posix() {
        return posix;
    }

    /** Creates {@code file} (it must not exist), writes {@code bytes} and forces them to disk. */
    void writeNew(Path file, byte[] bytes) throws IOException {
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try (FileChannel channel = FileChannel.open(file, options, ownerOnly(OWNER_ONLY_FILE))) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    void createDirectory(Path dir) throws IOException {
        Files.createDirectory(dir, ownerOnly(OWNER_ONLY_DIR));
    }

    /** Creates {@code dir} and its missing parents, and forces the directory each was created in. */
    void createDirectories(Path dir) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path ancestor = dir; ancestor != null && !Files.exists(ancestor, LinkOption.NOFOLLOW_LINKS);
                ancestor = ancestor.getParent()) {
            missing.push(ancestor);
        }
        Files.createDirectories(dir, ownerOnly(OWNER_ONLY_DIR));
        for (Path created : missing) {
            // a new directory's entry is durable once the directory that holds it is forced, not before
            force(created.getParent());
        }
    }

    Path createProbe(Path dir) throws IOException {
        return Files.createTempFile(dir, ".flux-probe-", FileCheckpointStore.TEMP_SUFFIX, ownerOnly(OWNER_ONLY_FILE));
    }

    /** The bytes of the regular file {@code file}, read without following a link. */
    static byte[] read(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        if (!attributes.isRegularFile()) {
            throw new IOException(file + " is not a regular file" + (attributes.isSymbolicLink()
                    ? " but a symbolic link, which is never followed" : ""));
        }
        try (SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ,
                LinkOption.NOFOLLOW_LINKS); InputStream in = Channels.newInputStream(channel)) {
            return in.readAllBytes();
        }
    }

    /**
     * Makes renames and creations in {@code dir} durable; where a directory cannot be opened (Windows), the rename
     * alone has to do.
     */
    static void force(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.log(Level.FINE, e, () -> "FLUX-0411 Cannot force directory " + dir + " to disk on this platform");
        }
    }

    /** Deletes {@code path} and, if it is a directory (not a link to one), everything in it. */
    static void deleteTree(Path path) throws IOException {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            try (DirectoryStream<Path> children = Files.newDirectoryStream(path)) {
                for (Path child : children) {
                    deleteTree(child);
                }
            }
        }
        Files.deleteIfExists(path);
    }

    private FileAttribute<?>[] ownerOnly(Set<PosixFilePermission> permissions) {
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)}
                : new FileAttribute<?>[0];
    }
}
