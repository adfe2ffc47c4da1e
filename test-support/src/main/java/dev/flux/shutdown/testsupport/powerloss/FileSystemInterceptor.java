package dev.flux.shutdown.testsupport.powerloss;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * Sees every operation of a {@link ForwardingFileSystem}: before it, where it may refuse it (an
 * {@link IOException}, as a real device or file system would) or stop everything (an {@link Error}, as a power cut
 * does); and after it succeeded on the real file system, with what it did. Paths are those of the real file system,
 * absolute and normalized; a channel is the one handed to the program.
 */
public interface FileSystemInterceptor {

    /**
     * Before {@code operation} on {@code path} ({@code target} is the destination of a move, otherwise null).
     *
     * @throws IOException to refuse the operation; nothing is done then
     */
    default void before(FileOperation operation, Path path, Path target) throws IOException {
    }

    /**
     * Whether a {@code force} is passed on to the real device; a model of durability that keeps its own account
     * answers false, so that many simulated lives do not wait for the real disk.
     */
    default boolean forcesTheDevice() {
        return true;
    }

    /** A file or directory was opened as {@code channel}; {@code created} when opening created the file. */
    default void opened(FileChannel channel, Path path, boolean created, boolean directory) {
    }

    /** {@code bytes} were written at {@code position} of the file open as {@code channel}. */
    default void wrote(FileChannel channel, long position, byte[] bytes) {
    }

    /** The file open as {@code channel} was truncated to {@code size}. */
    default void truncated(FileChannel channel, long size) {
    }

    /** The file or directory open as {@code channel} was forced. */
    default void forced(FileChannel channel) {
    }

    /** A directory was created. */
    default void createdDirectory(Path dir) {
    }

    /** {@code source} was moved to {@code target}. */
    default void moved(Path source, Path target) {
    }

    /** {@code path} was deleted. */
    default void deleted(Path path) {
    }
}
