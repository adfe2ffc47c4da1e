package dev.flux.shutdown.sample.arc.beans;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import dev.flux.shutdown.Cleanup;

/**
 * Test bean: uses {@link Connection} while it starts, so it is created after it and released before it. It also
 * declares a producer, a second bean with the same bean class, which must not be mistaken for it.
 */
@ApplicationScoped
public class Repository {

    /** What the producer makes. */
    public record Name(String value) {
    }

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

    @Produces
    Name name() {
        return new Name("orders");
    }

    @Cleanup
    void close() {
    }
}
