package dev.flux.shutdown.tck.cleanupapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.flux.shutdown.ShutdownPhase;
import dev.flux.shutdown.ShutdownPhaseEvent;

/**
 * Prints how many lines the audit and log files hold on disk when DRAINING starts (before the cleanups) and when
 * PERSISTING starts (after them, before the process exits and before any shutdown hook of the JVM runs), so the
 * test sees that the cleanups, not the JVM's exit, wrote the buffered data.
 */
@ApplicationScoped
public class FilesProbe {

    void onPhase(@Observes ShutdownPhaseEvent event) {
        if (event.phase() == ShutdownPhase.DRAINING || event.phase() == ShutdownPhase.PERSISTING) {
            Workspace workspace = Workspace.fromSystemProperties();
            System.out.println("probe " + event.phase() + ": audit-lines=" + lines(workspace.auditFile())
                    + " log-records=" + lines(workspace.logFile()));
        }
    }

    private static long lines(Path file) {
        try (var lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
