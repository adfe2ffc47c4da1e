package dev.flux.shutdown.servers.app;

import jakarta.enterprise.context.ApplicationScoped;

import dev.flux.shutdown.Persistent;

/** State that must survive SIGTERM and a restart of the server: its checkpoint is in {@code flux.shutdown.state.dir}. */
@ApplicationScoped
@Persistent("counter")
public class Counter {

    private long count;

    public synchronized long increment() {
        return ++count;
    }

    public synchronized long count() {
        return count;
    }
}
