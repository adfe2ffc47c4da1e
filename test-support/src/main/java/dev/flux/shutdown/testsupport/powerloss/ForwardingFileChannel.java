package dev.flux.shutdown.testsupport.powerloss;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;

/**
 * A file (or directory) open through a {@link ForwardingFileSystem}: reads go straight to the real channel; writes,
 * truncation and {@link #force} are told to the interceptor, which may refuse them or cut the power first. Memory
 * mapping and transfers between channels are not supported: their writes would escape the interceptor.
 */
final class ForwardingFileChannel extends FileChannel {

    private final FileChannel real;
    private final FileSystemInterceptor interceptor;
    private final Path path;
    private final boolean directory;

    ForwardingFileChannel(FileChannel real, FileSystemInterceptor interceptor, Path path, boolean directory) {
        this.real = real;
        this.interceptor = interceptor;
        this.path = path;
        this.directory = directory;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        interceptor.before(FileOperation.READ, path, null);
        return real.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        interceptor.before(FileOperation.READ, path, null);
        return real.read(dsts, offset, length);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        interceptor.before(FileOperation.READ, path, null);
        return real.read(dst, position);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return write(src, -1);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        long written = 0;
        for (int i = offset; i < offset + length; i++) {
            written += write(srcs[i]);
        }
        return written;
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        interceptor.before(FileOperation.WRITE, path, null);
        long at = position < 0 ? real.position() : position;
        ByteBuffer copy = src.duplicate();
        int written = position < 0 ? real.write(src) : real.write(src, position);
        byte[] bytes = new byte[written];
        copy.get(bytes);
        interceptor.wrote(this, at, bytes);
        return written;
    }

    @Override
    public long position() throws IOException {
        return real.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        real.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return real.size();
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        interceptor.before(FileOperation.TRUNCATE, path, null);
        real.truncate(size);
        interceptor.truncated(this, size);
        return this;
    }

    @Override
    public void force(boolean metaData) throws IOException {
        interceptor.before(directory ? FileOperation.FORCE_DIRECTORY : FileOperation.FORCE_FILE, path, null);
        if (interceptor.forcesTheDevice()) {
            real.force(metaData);
        }
        interceptor.forced(this);
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) {
        throw new UnsupportedOperationException("transfers are not intercepted");
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) {
        throw new UnsupportedOperationException("transfers are not intercepted");
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) {
        throw new UnsupportedOperationException("mapped writes are not intercepted");
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return real.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return real.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        real.close();
    }
}
