package dev.flux.shutdown;

import java.util.Optional;
import java.util.concurrent.locks.Lock;

/**
 * The programmatic handle on the graceful shutdown; inject it where the application needs to start a shutdown
 * or to know whether one is running.
 */
public interface Shutdown {

    /**
     * Starts the graceful shutdown on a new thread, unless one has already started. After the five phases the
     * process exits with {@code flux.shutdown.exit-code} (or {@code forced-exit-code} when a bound was exceeded).
     *
     * @param reason why, for the log and the report
     * @return {@code true} if this call started the shutdown, {@code false} if it had already started or the
     *         library is disabled ({@code flux.shutdown.enabled=false})
     */
    boolean initiate(String reason);

    /**
     * {@return whether a shutdown has started}: {@code true} from the first instant of
     * {@link ShutdownPhase#PREPARING}.
     */
    boolean isShuttingDown();

    /** {@return the phase running now, or empty while the application runs normally} */
    Optional<ShutdownPhase> phase();

    /** {@return the report of the finished shutdown, or empty while no shutdown has completed} */
    Optional<ShutdownReport> report();

    /**
     * {@return the lock to hold while changing several {@link Persistent} beans that must agree with each other}
     * (a transfer between two accounts, say). Every checkpoint, periodic or final, captures all
     * {@code @Persistent} beans at one instant while no thread holds this lock, so each change made under it is
     * in a checkpoint whole or not at all, and all beans restore from the same checkpoint. Holders never wait for
     * each other (it is the shared side of a read-write lock), only for a checkpoint's capture, which copies the
     * fields into memory and does no I/O.
     * <p>
     * Take it before any lock or monitor of your beans, never while holding one (a checkpoint captures each bean
     * while holding that bean's monitor), and release it in a {@code finally} block:
     *
     * <pre>
     * Lock lock = shutdown.stateLock();
     * lock.lock();
     * try {
     *     from.withdraw(amount);
     *     to.deposit(amount);
     * } finally {
     *     lock.unlock();
     * }
     * </pre>
     */
    Lock stateLock();
}
