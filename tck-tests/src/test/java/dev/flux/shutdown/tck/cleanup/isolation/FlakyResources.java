package dev.flux.shutdown.tck.cleanup.isolation;

import java.util.concurrent.CountDownLatch;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.flux.shutdown.Cleanup;
import dev.flux.shutdown.tck.cleanup.CleanupLog;

/** A throwing and a hanging cleanup between two good ones. */
@ApplicationScoped
public class FlakyResources {

    /** Never opened: the hanging cleanup waits until the runner interrupts it. */
    private final CountDownLatch never = new CountDownLatch(1);

    @Inject
    CleanupLog log;

    public void touch() {
    }

    @Cleanup
    @Priority(1)
    void goodBefore() {
        log.record("goodBefore");
    }

    @Cleanup
    @Priority(2)
    void throwing() {
        throw new IllegalStateException("cannot release the lock");
    }

    @Cleanup(timeout = "300ms")
    @Priority(3)
    void hanging() throws InterruptedException {
        never.await();
        log.record("hanging");
    }

    @Cleanup
    @Priority(4)
    void goodAfter() {
        log.record("goodAfter");
    }
}
