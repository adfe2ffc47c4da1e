package dev.flux.shutdown.tck.cleanup.late;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.flux.shutdown.Cleanup;
import dev.flux.shutdown.tck.cleanup.CleanupLog;

/**
 * Without a priority, first created during CLEANING by a prioritized cleanup: the newest bean, so its cleanup runs
 * first among the unprioritized ones; it hands its entries to the archive, which it creates then.
 */
@ApplicationScoped
public class Journal {

    @Inject
    CleanupLog log;

    @Inject
    Archive archive;

    public void append(String entry) {
    }

    @Cleanup
    void close() {
        archive.store("journal");
        log.record("journal.close");
    }
}
