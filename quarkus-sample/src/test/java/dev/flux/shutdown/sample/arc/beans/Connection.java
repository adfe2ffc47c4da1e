package dev.flux.shutdown.sample.arc.beans;

import jakarta.enterprise.context.ApplicationScoped;

import dev.flux.shutdown.Cleanup;

/** Test bean: created first, as a dependency that {@link Repository} uses while it starts. */
@ApplicationScoped
public class Connection {

    boolean open() {
        return true;
    }

    @Cleanup
    void close() {
    }
}
