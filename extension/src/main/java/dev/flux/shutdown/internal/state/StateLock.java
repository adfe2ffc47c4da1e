package dev.flux.shutdown.internal.state;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Makes every checkpoint a snapshot of all {@code @Persistent} beans at one instant. The application holds the
 * shared side ({@link #changes()}, offered as {@code Shutdown.stateLock()}) while it changes several beans that
 * must agree with each other; a checkpoint captures every bean under the exclusive side, so it sees each such
 * change whole or not at all. Holders of the shared side never wait for each other, only for a capture (which
 * copies fields into memory and does no I/O); a capture waiting for the lock is not starved by new holders.
 */
public final class StateLock {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    /** The lock the application holds around changes that span beans. */
    public Lock changes() {
        return lock.readLock();
    }

    /** Whether a capture waits for a change in progress to end. */
    boolean captureWaiting() {
        return lock.hasQueuedThreads();
    }

    /** Runs {@code capture} while no change is in progress. */
    <T> T exclusively(Supplier<T> capture) {
        lock.writeLock().lock();
        try {
            return capture.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
