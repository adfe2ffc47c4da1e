package dev.flux.shutdown.tck.cleanup.creation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.flux.shutdown.Cleanup;
import dev.flux.shutdown.tck.cleanup.CleanupLog;

@ApplicationScoped
public class Third {

    @Inject
    CleanupLog log;

    public void touch() {
    }

    @Cleanup
    void release() {
        log.record("third");
    }
}
