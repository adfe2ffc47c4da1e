package dev.flux.shutdown.tck.cleanup.once;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import dev.flux.shutdown.Cleanup;

/** Counts its cleanups; the cleanup holds the shutdown until the test opens the gate. */
@ApplicationScoped
public class GatedResource {

    private final AtomicInteger cleanups = new AtomicInteger();
    private final CountDownLatch cleanupStarted = new CountDownLatch(1);
    private final CountDownLatch gate = new CountDownLatch(1);

    public void touch() {
    }

    @Cleanup
    void release() throws InterruptedException {
        cleanups.incrementAndGet();
        cleanupStarted.countDown();
        gate.await(30, TimeUnit.SECONDS);
    }

    public boolean awaitCleanupStarted() throws InterruptedException {
        return cleanupStarted.await(30, TimeUnit.SECONDS);
    }

    public void openGate() {
        gate.countDown();
    }

    public int cleanups() {
        return cleanups.get();
    }
}
