package dev.flux.shutdown.testsupport.powerloss;

import java.io.IOException;
import java.net.URI;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Objects;

/**
 * A path of a {@link ForwardingFileSystem}: a path of the default file system, under another file system, so that
 * {@link java.nio.file.Files} sends every operation on it through the forwarding provider. {@link #toFile()} is not
 * supported, as for any path that is not the default file system's.
 */
final class ForwardingPath implements Path {

    private final ForwardingFileSystem fileSystem;
    private final Path real;

    ForwardingPath(ForwardingFileSystem fileSystem, Path real) {
        this.fileSystem = fileSystem;
        this.real = Objects.requireNonNull(real, "real");
    }

    Path real() {
        return real;
    }

    private Path wrap(Path path) {
        return path == null ? null : new ForwardingPath(fileSystem, path);
    }

    private Path unwrap(Path other) {
        if (!(other instanceof ForwardingPath forwarding) || forwarding.fileSystem != fileSystem) {
            throw new IllegalArgumentException(other + " is not a path of " + fileSystem);
        }
        return forwarding.real;
    }

    @Override
    public ForwardingFileSystem getFileSystem() {
        return fileSystem;
    }

    @Override
    public boolean isAbsolute() {
        return real.isAbsolute();
    }

    @Override
    public Path getRoot() {
        return wrap(real.getRoot());
    }

    @Override
    public Path getFileName() {
        return wrap(real.getFileName());
    }

    @Override
    public Path getParent() {
        return wrap(real.getParent());
    }

    @Override
    public int getNameCount() {
        return real.getNameCount();
    }

    @Override
    public Path getName(int index) {
        return wrap(real.getName(index));
    }

    @Override
    public Path subpath(int beginIndex, int endIndex) {
        return wrap(real.subpath(beginIndex, endIndex));
    }

    @Override
    public boolean startsWith(Path other) {
        return other instanceof ForwardingPath forwarding && forwarding.fileSystem == fileSystem
                && real.startsWith(forwarding.real);
    }

    @Override
    public boolean endsWith(Path other) {
        return other instanceof ForwardingPath forwarding && forwarding.fileSystem == fileSystem
                && real.endsWith(forwarding.real);
    }

    @Override
    public Path normalize() {
        return wrap(real.normalize());
    }

    @Override
    public Path resolve(Path other) {
        return wrap(real.resolve(unwrap(other)));
    }

    @Override
    public Path relativize(Path other) {
        return wrap(real.relativize(unwrap(other)));
    }

    @Override
    public URI toUri() {
        return real.toUri();
    }

    @Override
    public Path toAbsolutePath() {
        return wrap(real.toAbsolutePath());
    }

    @Override
    public Path toRealPath(LinkOption... options) throws IOException {
        return wrap(real.toRealPath(options));
    }

    @Override
    public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) {
        throw new UnsupportedOperationException("a forwarding file system watches nothing");
    }

    @Override
    public int compareTo(Path other) {
        return real.compareTo(unwrap(other));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ForwardingPath forwarding && forwarding.fileSystem == fileSystem
                && forwarding.real.equals(real);
    }

    @Override
    public int hashCode() {
        return real.hashCode();
    }

    @Override
    public String toString() {
        return real.toString();
    }
}
