package dev.flux.shutdown.tck.cleanupapp;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;

import dev.flux.shutdown.Cleanup;

/** An audit file written through a large buffer: lines reach the disk only when the cleanup flushes and syncs it. */
@ApplicationScoped
public class AuditTrail {

    private FileOutputStream file;
    private BufferedWriter writer;
    private int lines;

    @PostConstruct
    void open() {
        try {
            file = new FileOutputStream(Workspace.fromSystemProperties().auditFile().toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        writer = new BufferedWriter(new OutputStreamWriter(file, StandardCharsets.UTF_8), 1 << 20);
    }

    public synchronized void append(String line) {
        try {
            writer.write(line);
            writer.newLine();
            lines++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Cleanup
    @Priority(10)
    synchronized void sync() throws IOException {
        writer.flush();
        file.getFD().sync();
        System.out.println("cleanup: audit synced lines=" + lines);
    }
}
