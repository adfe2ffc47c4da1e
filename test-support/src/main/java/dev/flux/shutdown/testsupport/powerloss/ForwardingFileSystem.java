package dev.flux.shutdown.testsupport.powerloss;

import java.nio.file.FileStore;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.WatchService;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.Set;

/**
 * The default file system seen through a {@link FileSystemInterceptor}: every file operation on one of its paths
 * is done on the real file system, and the interceptor sees it before (and may refuse it or cut the power) and
 * after. Code under test takes such a path where it takes any {@link Path}; tests look at the real directory.
 */
public final class ForwardingFileSystem extends FileSystem {

    private final FileSystem real = FileSystems.getDefault();
    private final ForwardingFileSystemProvider provider;

    private ForwardingFileSystem(FileSystemInterceptor interceptor) {
        this.provider = new ForwardingFileSystemProvider(this, interceptor);
    }

    /** A file system over the default one whose operations {@code interceptor} sees. */
    public static ForwardingFileSystem over(FileSystemInterceptor interceptor) {
        return new ForwardingFileSystem(interceptor);
    }

    /** The path of this file system that stands for {@code real}, a path of the default file system. */
    public Path path(Path real) {
        if (real.getFileSystem() != this.real) {
            throw new IllegalArgumentException(real + " is not a path of the default file system");
        }
        return new ForwardingPath(this, real);
    }

    @Override
    public ForwardingFileSystemProvider provider() {
        return provider;
    }

    @Override
    public void close() {
        // the default file system stays open
    }

    @Override
    public boolean isOpen() {
        return true;
    }

    @Override
    public boolean isReadOnly() {
        return false;
    }

    @Override
    public String getSeparator() {
        return real.getSeparator();
    }

    @Override
    public Iterable<Path> getRootDirectories() {
        List<Path> roots = new java.util.ArrayList<>();
        real.getRootDirectories().forEach(root -> roots.add(path(root)));
        return roots;
    }

    @Override
    public Iterable<FileStore> getFileStores() {
        return real.getFileStores();
    }

    @Override
    public Set<String> supportedFileAttributeViews() {
        return real.supportedFileAttributeViews();
    }

    @Override
    public Path getPath(String first, String... more) {
        return path(real.getPath(first, more));
    }

    @Override
    public PathMatcher getPathMatcher(String syntaxAndPattern) {
        PathMatcher matcher = real.getPathMatcher(syntaxAndPattern);
        return path -> matcher.matches(path instanceof ForwardingPath forwarding ? forwarding.real() : path);
    }

    @Override
    public UserPrincipalLookupService getUserPrincipalLookupService() {
        return real.getUserPrincipalLookupService();
    }

    @Override
    public WatchService newWatchService() {
        throw new UnsupportedOperationException("a forwarding file system watches nothing");
    }

    @Override
    public String toString() {
        return "the default file system, intercepted";
    }
}
