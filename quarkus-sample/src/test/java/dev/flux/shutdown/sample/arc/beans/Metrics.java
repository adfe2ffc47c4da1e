package dev.flux.shutdown.sample.arc.beans;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;

import dev.flux.shutdown.Cleanup;

/** Test bean with a prioritized cleanup, which runs before every cleanup without priority. */
@ApplicationScoped
public class Metrics {

    public boolean ready() {
        return true;
    }

    @Cleanup
    @Priority(5)
    void flush() {
    }
}
