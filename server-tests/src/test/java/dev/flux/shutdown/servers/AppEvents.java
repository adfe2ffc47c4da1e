package dev.flux.shutdown.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.flux.shutdown.servers.app.EventLog;

/** The events a test application recorded in its file (see {@link EventLog}). */
final class AppEvents {

    private AppEvents() {
    }

    /** Every event {@code app} recorded in {@code dir}, in order; none if it recorded nothing. */
    static List<String> of(Path dir, String app) throws IOException {
        Path file = dir.resolve(app + ".events");
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    /** The cleanups {@code app} ran, in order: {@code cleanup-10}, {@code cleanup-20}, ... */
    static List<String> cleanups(Path dir, String app) throws IOException {
        return of(dir, app).stream().filter(event -> event.startsWith("cleanup-"))
                .filter(event -> !event.contains(" slow "))
                .map(event -> event.substring(0, event.indexOf(' '))).toList();
    }

    /** Whether {@code line} of a server's output is the event {@code event} of {@code app}. */
    static boolean isEvent(String line, String app, String event) {
        return line.contains(EventLog.PREFIX + "[" + app + "] " + event);
    }
}
