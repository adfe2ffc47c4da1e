package dev.flux.shutdown.tck.cleanup.late;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.flux.shutdown.Cleanup;
import dev.flux.shutdown.tck.cleanup.CleanupLog;

/**
 * Without a priority, first created by the journal's cleanup, itself unprioritized: then the newest bean, so its
 * cleanup runs next, before those of beans created while the application ran.
 */
@ApplicationScoped
public class Archive {

    @Inject
    CleanupLog log;

    public void store(String what) {
    }

    @Cleanup
    void close() {
        log.record("archive.close");
    }
}
