package dev.flux.shutdown.testsupport.powerloss;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AccessMode;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.spi.FileSystemProvider;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Does each operation of a {@link ForwardingFileSystem} with the default provider, telling its
 * {@link FileSystemInterceptor} before and after. Copies and links are not supported: a program under test that
 * uses them would otherwise escape the interceptor's view.
 */
public final class ForwardingFileSystemProvider extends FileSystemProvider {

    private final ForwardingFileSystem fileSystem;
    private final FileSystemInterceptor interceptor;
    private final FileSystemProvider real;

    ForwardingFileSystemProvider(ForwardingFileSystem fileSystem, FileSystemInterceptor interceptor) {
        this.fileSystem = fileSystem;
        this.interceptor = interceptor;
        this.real = java.nio.file.FileSystems.getDefault().provider();
    }

    /** The real, absolute, normalized path behind a path of a forwarding file system (or a real path). */
    static Path real(Path path) {
        Path real = path instanceof ForwardingPath forwarding ? forwarding.real() : path;
        return real.toAbsolutePath().normalize();
    }

    @Override
    public String getScheme() {
        return "flux-forwarding";
    }

    @Override
    public FileSystem newFileSystem(URI uri, Map<String, ?> env) {
        throw new UnsupportedOperationException("made with ForwardingFileSystem.over");
    }

    @Override
    public FileSystem getFileSystem(URI uri) {
        throw new UnsupportedOperationException("made with ForwardingFileSystem.over");
    }

    @Override
    public Path getPath(URI uri) {
        throw new UnsupportedOperationException("made with ForwardingFileSystem.over");
    }

    @Override
    public SeekableByteChannel newByteChannel(Path path, Set<? extends OpenOption> options,
            FileAttribute<?>... attrs) throws IOException {
        return newFileChannel(path, options, attrs);
    }

    @Override
    public FileChannel newFileChannel(Path path, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        Path file = real(path);
        boolean creating = (options.contains(StandardOpenOption.CREATE_NEW)
                || options.contains(StandardOpenOption.CREATE)) && !Files.exists(file, LinkOption.NOFOLLOW_LINKS);
        boolean directory = Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS);
        interceptor.before(creating ? FileOperation.CREATE_FILE : FileOperation.READ, file, null);
        if (options.contains(StandardOpenOption.TRUNCATE_EXISTING) && !creating) {
            interceptor.before(FileOperation.TRUNCATE, file, null);
        }
        FileChannel channel = real.newFileChannel(file, options, attrs);
        ForwardingFileChannel forwarding = new ForwardingFileChannel(channel, interceptor, file, directory);
        interceptor.opened(forwarding, file, creating, directory);
        return forwarding;
    }

    @Override
    public DirectoryStream<Path> newDirectoryStream(Path dir, DirectoryStream.Filter<? super Path> filter)
            throws IOException {
        Path realDir = real(dir);
        interceptor.before(FileOperation.LIST, realDir, null);
        DirectoryStream<Path> entries = real.newDirectoryStream(realDir,
                entry -> filter.accept(fileSystem.path(entry)));
        return new DirectoryStream<>() {
            @Override
            public Iterator<Path> iterator() {
                Iterator<Path> iterator = entries.iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return iterator.hasNext();
                    }

                    @Override
                    public Path next() {
                        return fileSystem.path(iterator.next());
                    }
                };
            }

            @Override
            public void close() throws IOException {
                entries.close();
            }
        };
    }

    @Override
    public void createDirectory(Path dir, FileAttribute<?>... attrs) throws IOException {
        Path realDir = real(dir);
        interceptor.before(FileOperation.CREATE_DIRECTORY, realDir, null);
        real.createDirectory(realDir, attrs);
        interceptor.createdDirectory(realDir);
    }

    @Override
    public void delete(Path path) throws IOException {
        Path file = real(path);
        interceptor.before(FileOperation.DELETE, file, null);
        real.delete(file);
        interceptor.deleted(file);
    }

    @Override
    public void copy(Path source, Path target, CopyOption... options) {
        throw new UnsupportedOperationException("copies are not intercepted");
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
        Path from = real(source);
        Path to = real(target);
        interceptor.before(FileOperation.MOVE, from, to);
        real.move(from, to, options);
        interceptor.moved(from, to);
    }

    @Override
    public boolean isSameFile(Path path, Path path2) throws IOException {
        return real.isSameFile(real(path), real(path2));
    }

    @Override
    public boolean isHidden(Path path) throws IOException {
        return real.isHidden(real(path));
    }

    @Override
    public FileStore getFileStore(Path path) throws IOException {
        return real.getFileStore(real(path));
    }

    @Override
    public void checkAccess(Path path, AccessMode... modes) throws IOException {
        Path file = real(path);
        interceptor.before(FileOperation.READ, file, null);
        real.checkAccess(file, modes);
    }

    @Override
    public <V extends FileAttributeView> V getFileAttributeView(Path path, Class<V> type, LinkOption... options) {
        return real.getFileAttributeView(real(path), type, options);
    }

    @Override
    public <A extends BasicFileAttributes> A readAttributes(Path path, Class<A> type, LinkOption... options)
            throws IOException {
        Path file = real(path);
        interceptor.before(FileOperation.READ, file, null);
        return real.readAttributes(file, type, options);
    }

    @Override
    public Map<String, Object> readAttributes(Path path, String attributes, LinkOption... options)
            throws IOException {
        Path file = real(path);
        interceptor.before(FileOperation.READ, file, null);
        return real.readAttributes(file, attributes, options);
    }

    @Override
    public void setAttribute(Path path, String attribute, Object value, LinkOption... options) throws IOException {
        Path file = real(path);
        interceptor.before(FileOperation.SET_ATTRIBUTE, file, null);
        real.setAttribute(file, attribute, value, options);
    }

    @Override
    public void createSymbolicLink(Path link, Path target, FileAttribute<?>... attrs) {
        throw new UnsupportedOperationException("links are not intercepted");
    }

    @Override
    public void createLink(Path link, Path existing) {
        throw new UnsupportedOperationException("links are not intercepted");
    }

    @Override
    public Path readSymbolicLink(Path link) throws IOException {
        Path file = real(link);
        interceptor.before(FileOperation.READ, file, null);
        return fileSystem.path(real.readSymbolicLink(file));
    }
}
