package dev.flux.shutdown.testsupport.powerloss;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A disk that can lose power. Every operation is done on the real directory {@code root} (so the program under
 * test sees a normal file system while it runs), and alongside it the disk keeps what a power cut would leave: a
 * file's bytes only as they were when it was last forced, a directory's entries (files and directories created,
 * renamed into or out of it, deleted) only as they were when that directory was last forced. From
 * {@link #cutPowerAt operation n} on, every operation throws {@link PowerCut}; {@link #survivors} then writes what
 * was durable into another directory: the disk as the machine finds it when it starts again.
 * <p>
 * This is the strictest outcome POSIX allows (nothing that was not made durable survives), the one that shows a
 * missing {@code fsync}: a real disk may keep more, never less.
 */
public final class PowerLossDisk implements FileSystemInterceptor {

    private final Path root;
    private final Dir rootDir;
    private final ForwardingFileSystem fileSystem;
    private final Map<FileChannel, Node> open = new HashMap<>();
    private long operations;
    private long cutAt = Long.MAX_VALUE;
    private boolean cut;

    private PowerLossDisk(Path root) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.rootDir = scan(this.root);
        this.fileSystem = ForwardingFileSystem.over(this);
    }

    /** A disk over the real directory {@code root}; what is in it now counts as durable. */
    public static PowerLossDisk over(Path root) throws IOException {
        Files.createDirectories(root);
        return new PowerLossDisk(root);
    }

    /** The path on this disk that stands for {@code real}, a path under {@code root}. */
    public synchronized Path path(Path real) {
        return fileSystem.path(real.toAbsolutePath().normalize());
    }

    /** Power is lost just before the operation numbered {@code operation} (counted from 1) that changes the disk. */
    public synchronized void cutPowerAt(long operation) {
        cutAt = operation;
    }

    /** How many operations that change the disk were done so far. */
    public synchronized long operations() {
        return operations;
    }

    /** Whether the power was cut. */
    public synchronized boolean cut() {
        return cut;
    }

    /** Writes into the empty or missing directory {@code target} what survived in {@code root}: its durable state. */
    public synchronized void survivors(Path target) throws IOException {
        Files.createDirectories(target);
        write(rootDir, target);
    }

    @Override
    public synchronized void before(FileOperation operation, Path path, Path target) {
        if (cut) {
            throw new PowerCut(operations);
        }
        if (!operation.changes() || !(within(path) || (target != null && within(target)))) {
            return;
        }
        operations++;
        if (operations >= cutAt) {
            cut = true;
            throw new PowerCut(operations);
        }
    }

    /** What survives is this disk's account, not the real device's: the real device is never forced. */
    @Override
    public boolean forcesTheDevice() {
        return false;
    }

    @Override
    public synchronized void opened(FileChannel channel, Path path, boolean created, boolean directory) {
        if (!within(path)) {
            return;
        }
        if (created) {
            parent(path).live.put(name(path), new File());
        }
        Node node = path.equals(root) ? rootDir : parent(path).live.get(name(path));
        if (node != null) {
            open.put(channel, node);
        }
    }

    @Override
    public synchronized void wrote(FileChannel channel, long position, byte[] bytes) {
        if (open.get(channel) instanceof File file) {
            file.write(position, bytes);
        }
    }

    @Override
    public synchronized void truncated(FileChannel channel, long size) {
        if (open.get(channel) instanceof File file && size < file.live.length) {
            file.live = Arrays.copyOf(file.live, (int) size);
        }
    }

    @Override
    public synchronized void forced(FileChannel channel) {
        Node node = open.get(channel);
        if (node instanceof File file) {
            file.durable = file.live.clone();
        } else if (node instanceof Dir dir) {
            dir.durable = new TreeMap<>(dir.live);
        }
    }

    @Override
    public synchronized void createdDirectory(Path dir) {
        if (within(dir)) {
            parent(dir).live.put(name(dir), new Dir());
        }
    }

    @Override
    public synchronized void moved(Path source, Path target) {
        Node node = within(source) ? parent(source).live.remove(name(source)) : null;
        if (within(target)) {
            if (node == null) {
                throw new UnsupportedOperationException("a move into the disk from outside it: " + source);
            }
            parent(target).live.put(name(target), node);
        }
    }

    @Override
    public synchronized void deleted(Path path) {
        if (within(path)) {
            parent(path).live.remove(name(path));
        }
    }

    private boolean within(Path path) {
        return path.startsWith(root);
    }

    private static String name(Path path) {
        return path.getFileName().toString();
    }

    /** The directory that holds {@code path}, as the running program sees it; null for the root itself. */
    private Dir parent(Path path) {
        if (path.equals(root)) {
            return null;
        }
        Dir dir = rootDir;
        if (path.getParent().equals(root)) {
            return dir;
        }
        for (Path name : root.relativize(path.getParent())) {
            if (!(dir.live.get(name.toString()) instanceof Dir child)) {
                throw new IllegalStateException(path + " is not where the disk has it");
            }
            dir = child;
        }
        return dir;
    }

    private static Dir scan(Path dir) throws IOException {
        Dir scanned = new Dir();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                Node node;
                if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                    node = scan(entry);
                } else {
                    File file = new File();
                    file.live = Files.readAllBytes(entry);
                    file.durable = file.live.clone();
                    node = file;
                }
                scanned.live.put(entry.getFileName().toString(), node);
            }
        }
        scanned.durable = new TreeMap<>(scanned.live);
        return scanned;
    }

    private static void write(Dir dir, Path target) throws IOException {
        for (Map.Entry<String, Node> entry : dir.durable.entrySet()) {
            Path path = target.resolve(entry.getKey());
            if (entry.getValue() instanceof Dir child) {
                Files.createDirectory(path);
                write(child, path);
            } else {
                Files.write(path, ((File) entry.getValue()).durable);
            }
        }
    }

    private interface Node {
    }

    private static final class File implements Node {
        byte[] live = new byte[0];
        /** The bytes as of the last force: a file never forced comes back empty. */
        byte[] durable = new byte[0];

        void write(long position, byte[] bytes) {
            int end = Math.toIntExact(position + bytes.length);
            if (end > live.length) {
                live = Arrays.copyOf(live, end);
            }
            System.arraycopy(bytes, 0, live, (int) position, bytes.length);
        }
    }

    private static final class Dir implements Node {
        Map<String, Node> live = new TreeMap<>();
        Map<String, Node> durable = new TreeMap<>();
    }

    @Override
    public String toString() {
        return "a disk over " + root + (cut ? ", power lost at operation " + operations : "");
    }
}
