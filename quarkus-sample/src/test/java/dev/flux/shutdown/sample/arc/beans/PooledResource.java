package dev.flux.shutdown.sample.arc.beans;

import dev.flux.shutdown.Cleanup;

/** Test class: declares the cleanup that its subclass bean {@link Mailer} inherits. */
public abstract class PooledResource {

    @Cleanup
    void close() {
    }

    public boolean ready() {
        return true;
    }
}
