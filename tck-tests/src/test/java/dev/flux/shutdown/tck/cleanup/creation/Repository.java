package dev.flux.shutdown.tck.cleanup.creation;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.flux.shutdown.Cleanup;
import dev.flux.shutdown.tck.cleanup.CleanupLog;

/** Uses {@link Connection} while it starts, so its creation completes after the connection's. */
@ApplicationScoped
public class Repository {

    @Inject
    CleanupLog log;

    @Inject
    Connection connection;

    @PostConstruct
    void start() {
        connection.open();
    }

    public void touch() {
    }

    @Cleanup
    void close() {
        log.record("repository");
    }
}
