package dev.flux.shutdown.servers.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the test application tells the test what happened (started, slow request begun, a cleanup ran, the value a
 * cleanup read): one line per event appended to {@code <app.events-dir>/<app.name>.events}, which the test reads
 * after the server has gone, and the same line on standard output, which the test waits on. Both settings are read
 * when the bean is created, on a thread of the application, so that events can be written from any thread later.
 */
@ApplicationScoped
public class EventLog {

    /** The prefix of every event on standard output, followed by {@code [<app.name>] <event>}. */
    public static final String PREFIX = "flux-test-event ";

    private final String app;
    private final Path file;

    @Inject
    EventLog(@ConfigProperty(name = "app.name") String app, @ConfigProperty(name = "app.events-dir") String dir) {
        this.app = app;
        this.file = Path.of(dir).resolve(app + ".events");
    }

    /** A client proxy needs it; never used to log. */
    protected EventLog() {
        this.app = null;
        this.file = null;
    }

    public String app() {
        return app;
    }

    public synchronized void record(String event) {
        try {
            Files.writeString(file, event + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(PREFIX + "[" + app + "] " + event);
    }
}
