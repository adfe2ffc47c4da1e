package dev.flux.shutdown.sample.arc.beans;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.flux.shutdown.Cleanup;

/** Test bean: uses {@link Connection} while it starts, so it is created after it and released before it. */
@ApplicationScoped
public class Repository {

    @Inject
    Connection connection;

    private boolean ready;

    @PostConstruct
    void start() {
        ready = connection.open();
    }

    public boolean ready() {
        return ready;
    }

    @Cleanup
    void close() {
    }
}
