package dev.flux.shutdown.internal.process;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the whole shutdown: once armed, runs its expiry action when {@code flux.shutdown.timeout} passes
 * unless disarmed first. It runs on its own daemon thread, so no phase, however stuck, can hold it back.
 */
final class Watchdog {

    private final Duration timeout;
    private final Runnable onExpiry;
    private final CountDownLatch disarmed = new CountDownLatch(1);

    Watchdog(Duration timeout, Runnable onExpiry) {
        this.timeout = timeout;
        this.onExpiry = onExpiry;
    }

    void arm() {
        Thread thread = new Thread(this::watch, "flux-shutdown-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    void disarm() {
        disarmed.countDown();
    }

    private void watch() {
        try {
            if (!disarmed.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                onExpiry.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
