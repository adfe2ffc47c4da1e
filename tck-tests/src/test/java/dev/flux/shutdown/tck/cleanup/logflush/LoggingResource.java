package dev.flux.shutdown.tck.cleanup.logflush;

import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

import dev.flux.shutdown.Cleanup;

/** Logs while it cleans up, as real cleanups do; the record sits in a buffering handler until flushed. */
@ApplicationScoped
public class LoggingResource {

    public static final Logger LOG = Logger.getLogger("dev.flux.shutdown.tck.cleanup.logflush");

    public void touch() {
    }

    @Cleanup
    void release() {
        LOG.info("released the last resource");
    }
}
