package dev.flux.shutdown.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.flux.shutdown.Cleanup;

/**
 * An append-only audit trail in a file, written through a large buffer so that requests never wait for the disk.
 * What is still in the buffer at shutdown would be lost on a plain exit: the first cleanup flushes it and syncs the
 * file to the device.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());
    private static final int BUFFER_CHARS = 64 * 1024;

    @ConfigProperty(name = "sample.audit.file")
    Path file;

    private FileChannel channel;
    private BufferedWriter writer;
    private long lines;

    @PostConstruct
    void open() {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            writer = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8), BUFFER_CHARS);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the audit trail " + file, e);
        }
    }

    /** Appends one line; it reaches the file when the buffer fills, or at shutdown. */
    public synchronized void record(String event) {
        if (writer == null) {
            LOG.warning(() -> "sample: audit trail already closed, dropping: " + event);
            return;
        }
        try {
            writer.write(Instant.now() + " " + event);
            writer.newLine();
            lines++;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit trail " + file, e);
        }
    }

    /** Runs first: nothing must be lost from the buffer, and the file must be on the device. */
    @Cleanup
    @Priority(10)
    synchronized void flushAndSync() throws IOException {
        writer.flush();
        channel.force(true);
        writer.close();
        writer = null;
        LOG.info(() -> "sample: cleanup audit-trail: " + lines + " lines flushed and synced to " + file);
    }
}
